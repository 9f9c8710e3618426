using Microsoft.AspNetCore.Html;

namespace ReportingPortal.Web.Learn;

/// <summary>A learn page, rendered from Learn/Content/{language}/[children/]{slug}.md.</summary>
public sealed record Article(string Slug, bool ForChildren, string Language, string Title, string Summary, IHtmlContent Body);
