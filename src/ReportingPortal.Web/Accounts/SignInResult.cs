using System.Security.Claims;

namespace ReportingPortal.Web.Accounts;

/// <summary>The outcome of a sign-in, and the principal when it succeeded.</summary>
public sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal = null);
