
namespace ReportingPortal.UnitTests.Reports;

public sealed class PlainTextTests
{
    [TestCase("zero-width space", "stran\u200Bger123", "stranger123")]
    [TestCase("zero-width non-joiner and joiner between letters", "stran\u200Cge\u200Dr123", "stranger123")]
    [TestCase("left-to-right and right-to-left marks", "\u200Estranger\u200F123", "stranger123")]
    [TestCase("bidi embeddings and overrides", "\u202Agnp\u202B.\u202Cexe\u202D\u202E", "gnp.exe")]
    [TestCase("bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc")]
    [TestCase("word joiner and invisible operators", "a\u2060b\u2061c\u2062d\u2063e\u2064f", "abcdef")]
    [TestCase("byte order mark", "\uFEFFstranger123\uFEFF", "stranger123")]
    [TestCase("Arabic letter mark", "\u061Cمحمد", "محمد")]
    [TestCase("soft hyphen", "stran\u00ADger", "stranger")]
    [TestCase("tag characters", "flag\U000E0067\U000E0062\U000E007F", "flag")]
    public void InvisibleFormatCharactersAreRemovedFromASingleLine(string why, string typed, string stored) =>
        PlainText.Clean(typed, multiline: false).ShouldBe(stored, why);

    [Test]
    public void InvisibleFormatCharactersAreRemovedFromTextOfSeveralLines() =>
        PlainText.Clean("First\u200B line\r\n\u2060Second\u200F line\u202E", multiline: true).ShouldBe("First line\nSecond line");

    [TestCase("a family", "\U0001F468\u200D\U0001F469\u200D\U0001F467")]
    [TestCase("a heart on fire", "\u2764\uFE0F\u200D\U0001F525")]
    [TestCase("a woman with a skin tone at a computer", "\U0001F469\U0001F3FD\u200D\U0001F4BB")]
    [TestCase("a rainbow flag", "\U0001F3F3\uFE0F\u200D\U0001F308")]
    public void AZeroWidthJoinerStaysInsideAnEmojiSequence(string why, string emoji) =>
        PlainText.Clean($"Sent {emoji} twice", multiline: false).ShouldBe($"Sent {emoji} twice", why);

    [TestCase("between an emoji and a letter", "\U0001F468\u200Dbad", "\U0001F468bad")]
    [TestCase("between a letter and an emoji", "bad\u200D\U0001F468", "bad\U0001F468")]
    [TestCase("at the end", "\U0001F468\u200D", "\U0001F468")]
    public void AZeroWidthJoinerOutsideAnEmojiSequenceIsRemoved(string why, string typed, string stored) =>
        PlainText.Clean(typed, multiline: false).ShouldBe(stored, why);

    [Test]
    public void LineBreaksAndTabsStayInTextOfSeveralLinesOnly()
    {
        PlainText.Clean("a\r\n\tb\u2028c", multiline: true).ShouldBe("a\n\tb\nc");
        PlainText.Clean("a\r\n\tb\u2028c", multiline: false).ShouldBe("a  b c");
    }

    [Test]
    public void ALoneSurrogateBecomesAReplacementCharacter() =>
        PlainText.Clean("a\uD800b", multiline: false).ShouldBe("a\uFFFDb");
}
