namespace ReportingPortal.Core.Cases;

/// <summary>Why an action on a case was not done.</summary>
public enum CaseRefusal
{
    /// <summary>No such case in the account's queues: answered as if it did not exist.</summary>
    NotFound,

    /// <summary>The account may see the case but not do this (reassigning takes a supervisor).</summary>
    NotAllowed,

    /// <summary>The case is no longer in a state that allows it (someone took it first, it is closed).</summary>
    Conflict,

    /// <summary>What was sent is not acceptable (an empty note, an unknown outcome).</summary>
    Invalid,
}
