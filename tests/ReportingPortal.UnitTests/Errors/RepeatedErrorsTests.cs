using ReportingPortal.Web.Errors;

namespace ReportingPortal.UnitTests.Errors;

public sealed class RepeatedErrorsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FullTraceEvery = TimeSpan.FromHours(1);

    [Test]
    public void TheFirstTimeAnErrorHappensItIsWrittenInFull()
    {
        var errors = new RepeatedErrors(Interval, FullTraceEvery);

        errors.Record("a", Start, out var times).ShouldBe(ErrorLogLine.InFull);
        times.ShouldBe(1);
    }

    [Test]
    public void ThousandsOfRepeatsWithinTheIntervalWriteNothingMore()
    {
        var errors = new RepeatedErrors(Interval, FullTraceEvery);
        errors.Record("a", Start, out _);

        var lines = Enumerable.Range(1, 9_000)
            .Select(i => errors.Record("a", Start + TimeSpan.FromMilliseconds(i * 5), out _))
            .Count(line => line != ErrorLogLine.None);

        lines.ShouldBe(0);
    }

    [Test]
    public void AfterTheIntervalOneSummaryLineCountsEveryRepeatNotWritten()
    {
        var errors = new RepeatedErrors(Interval, FullTraceEvery);
        errors.Record("a", Start, out _);
        for (var i = 1; i <= 99; i++)
            errors.Record("a", Start + TimeSpan.FromMilliseconds(i), out _);

        errors.Record("a", Start + Interval, out var times).ShouldBe(ErrorLogLine.Summary);
        times.ShouldBe(100);
        errors.Record("a", Start + Interval + TimeSpan.FromSeconds(1), out _).ShouldBe(ErrorLogLine.None);
    }

    [Test]
    public void TheFullTraceIsWrittenAgainAfterItsLongerInterval()
    {
        var errors = new RepeatedErrors(Interval, FullTraceEvery);
        errors.Record("a", Start, out _);

        errors.Record("a", Start + FullTraceEvery, out var times).ShouldBe(ErrorLogLine.InFull);
        times.ShouldBe(1);
    }

    [Test]
    public void DifferentErrorsAreCountedApart()
    {
        var errors = new RepeatedErrors(Interval, FullTraceEvery);
        errors.Record("a", Start, out _);

        errors.Record("b", Start + TimeSpan.FromSeconds(1), out _).ShouldBe(ErrorLogLine.InFull);
        errors.Record("a", Start + TimeSpan.FromSeconds(2), out _).ShouldBe(ErrorLogLine.None);
    }

    [Test]
    public void ItRemembersABoundedNumberOfDistinctErrors()
    {
        var errors = new RepeatedErrors(Interval, FullTraceEvery, maxErrors: 3);
        foreach (var key in new[] { "a", "b", "c", "d" })
            errors.Record(key, Start, out _);

        // Remembering "d" made room by forgetting the others, so "a" is written again rather than growing the memory.
        errors.Record("a", Start, out _).ShouldBe(ErrorLogLine.InFull);
    }

    [Test]
    public void TwoErrorsAreTheSameWhenTheirTypeAndTheMethodThatThrewThemAre()
    {
        var first = Thrown(() => Fail(new InvalidOperationException("one request")));
        var second = Thrown(() => Fail(new InvalidOperationException("another request")));
        var other = Thrown(() => Fail(new ArgumentException("one request")));

        RepeatedErrors.KeyOf(first).ShouldBe(RepeatedErrors.KeyOf(second));
        RepeatedErrors.KeyOf(first).ShouldNotBe(RepeatedErrors.KeyOf(other));
        RepeatedErrors.KeyOf(first).ShouldNotContain("request");
    }

    private static void Fail(Exception exception) => throw exception;

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception)
        {
            return exception;
        }
        throw new InvalidOperationException("nothing was thrown");
    }
}
