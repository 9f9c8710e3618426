namespace ReportingPortal.Core.Encryption;

/// <summary>What a sealed value is, bound into it as associated data: a note cannot be read back as a message.</summary>
public enum SealedPurpose { ReportContent, CaseNote, CaseMessage, ReferralReason }
