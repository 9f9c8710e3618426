using System.Collections.Concurrent;
using System.Globalization;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace ReportingPortal.Web.Learn;

/// <summary>Reads and renders the learn pages once each; HTML written in the Markdown is never passed through.</summary>
public sealed class LearnContent(IWebHostEnvironment environment)
{
    public static readonly string[] Slugs = ["what-it-looks-like", "risks", "how-to-report", "after-a-report", "who-is-responsible"];

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();
    private readonly ConcurrentDictionary<(string, bool, string), Article?> _articles = new();

    /// <summary>The page in the reader's language, or in English when it has not been written in theirs.</summary>
    public Article? Find(string slug, bool forChildren)
    {
        if (!Slugs.Contains(slug))
            return null;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return Load(language, forChildren, slug) ?? Load("en", forChildren, slug);
    }

    public IReadOnlyList<Article> All(bool forChildren) =>
        Slugs.Select(slug => Find(slug, forChildren)).OfType<Article>().ToList();

    private Article? Load(string language, bool forChildren, string slug) =>
        _articles.GetOrAdd((language, forChildren, slug), _ =>
        {
            var path = Path.Combine(environment.ContentRootPath, "Learn", "Content", language, forChildren ? "children" : "", slug + ".md");
            if (!File.Exists(path))
                return null;
            var lines = File.ReadAllLines(path);
            var title = lines[0].TrimStart('#', ' ');
            var body = string.Join('\n', lines.Skip(1));
            var summary = lines.Skip(1).SkipWhile(string.IsNullOrWhiteSpace).FirstOrDefault() ?? "";
            return new Article(slug, forChildren, language, title, Markdown.ToPlainText(summary, Pipeline).Trim(),
                new HtmlString(Markdown.ToHtml(body, Pipeline)));
        });
}
