using System.Globalization;
using ReportingPortal.Benchmarks;

// deploy/local/bench.sh runs each command in turn; every command appends its figures to a results file.
var command = args.FirstOrDefault() ?? "";
var options = Arguments.Parse(args.Skip(1));
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

return command switch
{
    "submit" => await SubmissionLoad.Run(options),
    "acknowledgements" => await AcknowledgementLatency.Run(options),
    "raw-mail" => await RawMail.Run(options),
    "mail-window" => MailSink.Window(options),
    "console" => await ConsoleLatency.Run(options),
    "report" => BenchmarkReport.Write(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: ReportingPortal.Benchmarks COMMAND --option value ...
          submit           --url U --concurrency C --count N --warmup W --results F
          acknowledgements --url U --rate R --seconds S --mail-dir D [--prefix NAME] [--wait SECONDS] --results F
          raw-mail         --host H --port P --count N --connections K [--rate R] [--like-dir D --like-after UNIX_NS] [--sink-pid PID] --prefix NAME --results F
          mail-window      --mail-dir D --after UNIX_NS --prefix NAME --results F
          console          --url U --database CONNECTION_STRING [--queue Q] [--requests N] [--warmup W] --results F
          report           --results F --out docs/benchmark-latest.md [--machine M] [--load-start L] [--load-end L]
                           [--others-start O] [--others-end O] [--note N]
        """);
    return 2;
}
