using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Partage.App.Infrastructure.Mail;
using Partage.Persistence;

namespace Partage.App.Infrastructure.Telemetry;

/// <summary>
/// What operators read of the running platform: « Telemetry:Prometheus » (on by default) serves <c>/metrics</c> for a
/// Prometheus scraper — behind « Telemetry:MetricsToken » (a bearer token) when it is set; « Telemetry:OtlpEndpoint »
/// (empty by default) sends traces and metrics to an OpenTelemetry collector. Nothing personal is measured: routes,
/// durations, outcomes, counts.
/// </summary>
public sealed class TelemetryOptions
{
    public bool Prometheus { get; set; } = true;

    public string? MetricsToken { get; set; }

    public string? OtlpEndpoint { get; set; }
}

/// <summary>
/// The platform's own metrics, beside ASP.NET Core's (<c>http.server.request.duration</c>), HttpClient's, EF Core's and
/// the runtime's: each scheduled job's duration and outcome, the payroll run's duration, the outbox's backlog.
/// </summary>
public sealed class PartageMetrics
{
    public const string MeterName = "Partage";

    private readonly Histogram<double> jobs;
    private readonly Histogram<double> payrollRuns;

    public PartageMetrics(IMeterFactory meters, IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        jobs = meter.CreateHistogram<double>("partage.jobs.duration", "s", "Durée d'une exécution de tâche planifiée, par tâche et par issue (succeeded, failed, interrupted)");
        payrollRuns = meter.CreateHistogram<double>("partage.payroll.run.duration", "s", "Durée d'un passage de paie (bulletins calculés, lots de virement dus)");
        meter.CreateObservableGauge("partage.outbox.backlog", () => Backlog(scopes), "{message}", "Messages (e-mails, SMS) en attente d'envoi");
    }

    public void JobRan(string job, string outcome, TimeSpan duration) =>
        jobs.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", outcome));

    public void PayrollRan(TimeSpan duration) => payrollRuns.Record(duration.TotalSeconds);

    // Read at each scrape (every 15 s or so): one indexed count.
    private static long Backlog(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PartageDbContext>().Set<OutboxMessage>().LongCount(m => m.SentAt == null);
    }
}

public static class TelemetrySetup
{
    public static IServiceCollection AddPartageTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddSingleton(options).AddSingleton<PartageMetrics>();
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("partage"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(PartageMetrics.MeterName);
                if (options.Prometheus)
                {
                    m.AddPrometheusExporter(p => p.ScrapeResponseCacheDurationMilliseconds = 0);
                }

                if (otlp is not null)
                {
                    m.AddOtlpExporter(o => o.Endpoint = otlp);
                }
            });
        if (otlp is not null)
        {
            // Traces only where a collector takes them: requests, the database's commands, outgoing calls.
            telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddEntityFrameworkCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = otlp));
        }

        return services;
    }

    /// <summary>Serves <c>/metrics</c> when Prometheus is on; with a token set, only to a scraper that presents it (else 404).</summary>
    public static void MapPartageMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (!options.Prometheus)
        {
            return;
        }

        if (!string.IsNullOrEmpty(options.MetricsToken))
        {
            var expected = System.Text.Encoding.UTF8.GetBytes("Bearer " + options.MetricsToken);
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase), metrics => metrics.Use(async (context, next) =>
            {
                var given = System.Text.Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString());
                if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(given, expected))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next(context);
            }));
        }

        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
    }
}
