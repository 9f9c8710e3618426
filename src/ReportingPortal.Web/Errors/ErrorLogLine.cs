namespace ReportingPortal.Web.Errors;

/// <summary>What to write to the log for one occurrence of an unhandled error.</summary>
public enum ErrorLogLine
{
    /// <summary>Nothing: the error was written less than an interval ago and is only counted.</summary>
    None,

    /// <summary>One line with how many times the error happened since it was last written.</summary>
    Summary,

    /// <summary>The error with its stack trace: the first time, or when its trace was last written long ago.</summary>
    InFull,
}
