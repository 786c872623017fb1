using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>A technician's daily ceiling counts the days actually worked that the job declares, not the contract's calendar days. The class's clock only moves forward.</summary>
public class TechnicianDaysTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task FiveDaysWorkedOfEleven_PayslipCeilingOnFiveDays_RefusedForAnArtist()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var job = await Hiring.CountersignedAsync(factory, Hiring.AtTheVenue(new JobInput(world.LilleActivity.ToString(), "intermittent_technician", false, "technician", "Régie d'une création",
            "Lille", "2026-12-07", "2026-12-17", "40", null, "1000", null, null), "Régisseur général") with { WorkedDays = "5" });

        // A régisseur de théâtre may consent to the musicians' DFS (16 % in 2026): 200 € → a base of 168 €; not a régime général employee.
        var stageManager = await Hiring.CountersignedAsync(factory, Hiring.AtTheVenue(new JobInput(world.LilleActivity.ToString(), "intermittent_technician", false, "technician", "Régie plateau",
            "Lille", "2026-12-04", "2026-12-04", "8", null, "200", null, DfsLabels.StageManager), "Régisseur plateau"));

        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        using var artist = await member.PostAsJsonAsync("/api/v1/jobs", new
        {
            ActivityId = world.LilleActivity.ToString(), Kind = "intermittent_artist", Trade = "actor", Description = "Lecture", Place = "Lille",
            Start = "2026-12-20", End = "2026-12-21", Cachets = "2", Gross = "500", WorkedDays = "1",
        });
        Assert.Equal(HttpStatusCode.BadRequest, artist.StatusCode);
        using var clerk = await member.PostAsJsonAsync("/api/v1/jobs", new
        {
            ActivityId = world.LilleActivity.ToString(), Kind = "regime_general", Trade = "technician", Description = "Régie", Place = "Lille",
            Start = "2026-12-22", End = "2026-12-22", Hours = "8", Gross = "200", UsageReason = "Accroissement temporaire d'activité", Dfs = DfsLabels.StageManager,
        });
        Assert.Equal([DfsLabels.Refused], JsonDocument.Parse(await clerk.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("Dfs").EnumerateArray().Select(e => e.GetString()));
        Assert.True(JsonDocument.Parse(await artist.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("WorkedDays", out _));

        factory.Clock.Advance(TimeSpan.FromDays(16));   // after the 17th
        await factory.InScopeAsync(s => s.GetRequiredService<ComputePayslips>().HandleAsync(new DateOnly(2026, 12, 18), Actor.System));
        var payslip = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<Payslip>().AsNoTracking().SingleAsync(p => p.JobId == job.Id));
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        Assert.Equal(1100m, result.Ceiling);   // 220 € × 5 days worked, not × 11
        Assert.Equal(1000m, result.Lines.Single(l => l.Code == "vieillesse_plafonnee").Base);
        var regie = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<Payslip>().AsNoTracking().SingleAsync(p => p.JobId == stageManager.Id));
        Assert.Equal((200m, 168m), (regie.Figures.GrossCents / 100m, JsonSerializer.Deserialize<PayrollResult>(regie.ResultJson, PayrollJson.Options)!.SocialBase));
    }
}
