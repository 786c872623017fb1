namespace Partage.App.Infrastructure;

/// <summary>
/// The headers every response carries, pages, API answers and downloads alike. The pages use no script and no inline
/// style, so the content policy allows only the platform's own files; nothing may frame a page (clickjacking); a browser
/// never guesses a download's type; no address is sent to another site (a quote's link carries its capability in the
/// URL); the device features a browser could grant are all refused. The API reference (Scalar) runs scripts of its own
/// and keeps everything but the content policy.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!context.Request.Path.StartsWithSegments("/api/reference", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = ContentPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
