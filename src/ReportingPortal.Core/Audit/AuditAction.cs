namespace ReportingPortal.Core.Audit;

/// <summary>What the audit log records. Stored by name in audit_log.action (see <see cref="Storage.StoredNames"/>).</summary>
public enum AuditAction
{
    SignedIn,
    SignInFailed,
    SignInBlocked,
    SignedOut,
    RecoveryCodeUsed,
    RecoveryCodesRenewed,
    PasswordChanged,
    AccountCreated,
    AccountInvited,
    AccountEnrolled,
    AccountChanged,
    AccountDisabled,
    AccountEnabled,
    CaseViewed,
    CaseViewRefused,
    CaseTaken,
    CaseReassigned,
    CaseStatusChanged,
    CaseClosed,
    CaseReopened,
    NoteAdded,
    CaseReferred,
    ReminderSent,
    AuditExported,
    MessageSentToReporter,
    ReporterOpenedReport,
    ReporterReplied,
    AccessCodeLocked,
}
