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
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// A régime général CDD whose employee refused a CDI (L1243-10 4°) ends without the end-of-contract indemnity: payroll staff
/// record it, with the offer, before the last payslip; the paid-leave tenth stays. The class's clock only moves forward.
/// </summary>
public class CdiRefusalTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task RecordedByPayrollStaff_LastPayslipWithoutTheIndemnity_RefusedOnceComputedOrForAnIntermittent()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        JobInput Clerk(string start, string end) => new(world.LilleActivity.ToString(), "regime_general", false, "workshop_leader", "Animation d'ateliers",
            "Lille", start, end, "14", null, "420", "Accroissement temporaire d'activité", null);
        var job = await Hiring.CountersignedAsync(factory, Clerk("2026-12-14", "2026-12-15"));
        var later = await Hiring.CountersignedAsync(factory, Clerk("2026-12-16", "2026-12-17"));
        var technician = await Hiring.CountersignedAsync(factory, Hiring.AtTheVenue(new JobInput(world.LilleActivity.ToString(), "intermittent_technician", false, "technician", "Régie",
            "Lille", "2026-12-18", "2026-12-18", "8", null, "200", null, null), "Régisseur"));

        using var member = await factory.ClientForAsync(World.LilleMemberEmail);
        using var notStaff = await member.PostAsJsonAsync($"/api/v1/jobs/{job.Id}/cdi-refusal", new { Offer = "Courrier du 10/12/2026" });
        Assert.Equal(HttpStatusCode.NotFound, notStaff.StatusCode);   // the member sees her job but does not record this
        using var payroll = await factory.ClientForAsync(World.Payroll);
        using var noOffer = await payroll.PostAsJsonAsync($"/api/v1/jobs/{job.Id}/cdi-refusal", new { Offer = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noOffer.StatusCode);
        Assert.True(JsonDocument.Parse(await noOffer.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("Offer", out _));
        using var usage = await payroll.PostAsJsonAsync($"/api/v1/jobs/{technician.Id}/cdi-refusal", new { Offer = "Courrier du 10/12/2026" });
        Assert.Equal(HttpStatusCode.Conflict, usage.StatusCode);

        using var recorded = await payroll.PostAsJsonAsync($"/api/v1/jobs/{job.Id}/cdi-refusal", new { Offer = "CDI d'animateur proposé par courrier du 10/12/2026, refusé le 11/12" });
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal(PrecarityExemptions.CdiRefused, JsonDocument.Parse(await recorded.Content.ReadAsStringAsync()).RootElement.GetProperty("precarityExemption").GetString());
        using var twice = await payroll.PostAsJsonAsync($"/api/v1/jobs/{job.Id}/cdi-refusal", new { Offer = "Courrier du 10/12/2026" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);   // a double click changes nothing
        var audited = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<App.Modules.Audit.AuditEvent>()
            .SingleAsync(e => e.Action == "payroll.cdi_refusal_recorded" && e.ResourceId == job.Id.ToString()));
        Assert.Contains("courrier du 10/12/2026", audited.After, StringComparison.Ordinal);

        // The contract stays as signed: it promised the indemnity.
        var staff = await factory.ActorAsync(World.Payroll);
        var (_, contract) = await factory.InScopeAsync(s => s.GetRequiredService<GetContractPdf>().HandleAsync(job.Id, staff));
        Assert.Contains("l'indemnité de fin de contrat de 10 %", System.Text.RegularExpressions.Regex.Replace(Poppler.Text(contract, layout: true), @"\s+", " "), StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(28));   // 2026-12-24, after the 17th
        await factory.InScopeAsync(s => s.GetRequiredService<ComputePayslips>().HandleAsync(factory.Today, Actor.System));
        async Task<PayrollResult> Result(JobId id) => JsonSerializer.Deserialize<PayrollResult>((await factory.InScopeAsync(s =>
            s.GetRequiredService<PartageDbContext>().Set<Payslip>().AsNoTracking().SingleAsync(p => p.JobId == id))).ResultJson, PayrollJson.Options)!;
        var refused = await Result(job.Id);
        Assert.Equal((0m, 42.00m, 462.00m), (refused.EndOfContractIndemnity, refused.PaidLeaveIndemnity, refused.Gross));
        var due = await Result(later.Id);   // the same contract without the refusal: 10 % of 420 €, and the paid-leave tenth of the whole
        Assert.Equal((42.00m, 46.20m, 508.20m), (due.EndOfContractIndemnity, due.PaidLeaveIndemnity, due.Gross));

        using var payrollNow = await factory.ClientForAsync(World.Payroll);   // a new sign-in: the first one's token has expired since
        using var tooLate = await payrollNow.PostAsJsonAsync($"/api/v1/jobs/{later.Id}/cdi-refusal", new { Offer = "Courrier du 15/12/2026" });
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Contains("déjà calculé", await tooLate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
