namespace ReportingPortal.Web.Accounts;

/// <summary>Why an enrolment was not accepted; the page says what to do in each case.</summary>
public enum EnrolProblem
{
    LinkInvalid,
    PasswordsDiffer,
    PasswordTooShort,
    PasswordCommon,
    PasswordSameAsEmail,
    CodeWrong,
}
