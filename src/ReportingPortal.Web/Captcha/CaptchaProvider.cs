namespace ReportingPortal.Web.Captcha;

public enum CaptchaProvider { Altcha, Recaptcha, Turnstile, Hcaptcha, None }
