using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Payroll;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>A régime général CDD with a student during their holidays has no end-of-contract indemnity (L1243-10), only the paid-leave tenth. The class's clock only moves forward.</summary>
public class PrecarityExemptionTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task StudentHolidays_NoPrecarityIndemnity_PaidLeaveKept_RefusedForAnIntermittent()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var job = await Hiring.CountersignedAsync(factory, new JobInput(world.LilleActivity.ToString(), "regime_general", false, "workshop_leader", "Animation d'ateliers d'été",
            "Lille", "2026-12-21", "2026-12-22", "14", null, "420", "Accroissement temporaire d'activité", null) { PrecarityExemption = PrecarityExemptions.StudentHolidays });

        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        using var refused = await member.PostAsJsonAsync("/api/v1/jobs", new
        {
            ActivityId = world.LilleActivity.ToString(), Kind = "intermittent_technician", Trade = "technician", Description = "Régie", Place = "Lille",
            Start = "2026-12-28", End = "2026-12-28", Hours = "8", Gross = "200", PrecarityExemption = "student_holidays",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("PrecarityExemption", out _));

        var payroll = await factory.ActorAsync(World.Payroll);
        var (_, contract) = await factory.InScopeAsync(s => s.GetRequiredService<GetContractPdf>().HandleAsync(job.Id, payroll));
        var text = System.Text.RegularExpressions.Regex.Replace(Poppler.Text(contract, layout: true), @"\s+", " ");
        Assert.Contains("ne donne pas lieu à l'indemnité de fin de contrat (art. L1243-10)", text, StringComparison.Ordinal);

        // 420 € for the contract: no 10 % for precariousness, the tenth for paid leave (42.00 €) only.
        factory.Clock.Advance(TimeSpan.FromDays(28));   // after the 22nd
        await factory.InScopeAsync(s => s.GetRequiredService<ComputePayslips>().HandleAsync(factory.Today, Actor.System));
        var payslip = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<Payslip>().AsNoTracking().SingleAsync(p => p.JobId == job.Id));
        var result = JsonSerializer.Deserialize<PayrollResult>(payslip.ResultJson, PayrollJson.Options)!;
        Assert.Equal((0m, 42.00m, 462.00m), (result.EndOfContractIndemnity, result.PaidLeaveIndemnity, result.Gross));
    }
}
