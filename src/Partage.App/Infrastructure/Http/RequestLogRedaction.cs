using Microsoft.AspNetCore.HttpLogging;

namespace Partage.App.Infrastructure.Http;

/// <summary>
/// The request log never holds a capability: the public answer page of a quote carries its signed token in the path, and
/// whoever reads the logs must not be able to answer for the client. The path is logged with the token replaced.
/// </summary>
public sealed class RequestLogRedaction : IHttpLoggingInterceptor
{
    /// <summary>Paths whose last segment is a capability token.</summary>
    private static readonly string[] TokenPaths = ["/devis/reponse/"];

    public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
    {
        ArgumentNullException.ThrowIfNull(logContext);
        var path = logContext.HttpContext.Request.Path.Value ?? string.Empty;
        var prefix = TokenPaths.FirstOrDefault(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is not null && logContext.TryDisable(HttpLoggingFields.RequestPath))
        {
            logContext.AddParameter(nameof(HttpLoggingFields.RequestPath), prefix + "[jeton masqué]");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
}
