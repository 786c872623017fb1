using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure.Scheduling;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Http;

/// <summary>The operators' metrics: Prometheus text on /metrics with the requests' durations, the jobs' and payroll run's, the outbox backlog.</summary>
public sealed class MetricsTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task Metrics_ShowRequests_JobsByOutcome_PayrollRuns_AndTheOutboxBacklog()
    {
        await World.OfAsync(factory);
        using var client = factory.CreateClient();
        using (var health = await client.GetAsync("/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await factory.InScopeAsync(s => s.GetRequiredService<ScheduledJobs>().RunAsync("payroll", "test", CancellationToken.None));
        await factory.InScopeAsync(s => s.GetRequiredService<ScheduledJobs>().RunAsync("dunning", "test", CancellationToken.None));

        using var answer = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.Contains("http_server_request_duration_seconds_count{", text, StringComparison.Ordinal);
        Assert.Matches("partage_jobs_duration_seconds_count\\{[^}]*job=\"payroll\"[^}]*outcome=\"succeeded\"[^}]*\\} [1-9]", text);
        Assert.Matches("partage_jobs_duration_seconds_count\\{[^}]*job=\"dunning\"", text);
        Assert.Matches("partage_payroll_run_duration_seconds_count\\{[^}]*\\} [1-9]", text);
        Assert.Matches("partage_outbox_backlog(_messages)?\\{[^}]*\\} [0-9]+", text);
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);   // no address, nothing personal
    }

    [Fact]
    public async Task Metrics_BehindAToken_AreRefusedWithoutIt()
    {
        using var guarded = new TokenFactory();
        using var client = guarded.CreateClient();
        using var without = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.NotFound, without.StatusCode);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Authorization = new("Bearer", TokenFactory.Token);
        using var with = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    private sealed class TokenFactory : PartageFactory
    {
        public const string Token = "jeton-du-collecteur";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Telemetry:MetricsToken", Token);
        }
    }
}
