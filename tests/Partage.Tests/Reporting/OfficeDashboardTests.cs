using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Modules.Reporting;
using Partage.App.Modules.Reporting.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Payroll;

namespace Partage.Tests.Reporting;

/// <summary>
/// An office's dashboard follows what happens in the office: an invoice issued adds its net to the month's and the year's
/// invoicing, a job its contract and, once paid, its gross; an overdue invoice is counted late with what is still due.
/// A manager sees their own office's, a member none. The annual report's tables computed by the platform (members'
/// shares, contracts by family and trade) on both databases.
/// </summary>
public abstract class OfficeDashboardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private Task<OfficeDashboard> DashboardAsync(string month, OfficeId? office, Actor actor) =>
        factory.InScopeAsync(s => s.GetRequiredService<GetOfficeDashboard>().HandleAsync(month, office, actor));

    private static DashboardFigure Figure(OfficeDashboard dashboard, string code) => dashboard.Figures.Single(f => f.Code == code);

    [Fact]
    public async Task TheOfficesMonthAndYear_FollowItsInvoicesJobsAndPayslips_AndItsLateInvoices()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var finance = await factory.ActorAsync(World.Finance);
        var start = Hiring.NextDay();   // the contract's day, in a later month than the invoice's
        var (invoiceMonth, jobMonth) = (factory.Today.ToString("yyyy-MM", CultureInfo.InvariantCulture), start.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var (invoicedBefore, hiredBefore) = (await DashboardAsync(invoiceMonth, world.Lille, finance), await DashboardAsync(jobMonth, world.Lille, finance));

        var client = await Sales.FrenchClientAsync(factory);
        var invoice = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "1234.56", null)));
        await Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var job = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, start));
        factory.Clock.Advance(TimeSpan.FromDays(job.End.DayNumber - factory.Today.DayNumber + 1));
        await factory.InScopeAsync(s => s.GetRequiredService<ComputePayslips>().HandleAsync(job.End, Actor.System));
        // The invoice, unpaid, falls due after today and then before it: on the same day, it alone moves the late invoices
        // (the clock moved on to the contract's end, and other tests' invoices may have fallen due meanwhile).
        Task DueAsync(int days) => factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<Invoice>().Where(i => i.Id == invoice.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.DueDate, factory.Today.AddDays(days))));
        await DueAsync(10);
        var riskBefore = (await DashboardAsync(jobMonth, world.Lille, finance)).AtRisk;
        await DueAsync(-3);

        var (invoiced, hired) = (await DashboardAsync(invoiceMonth, world.Lille, finance), await DashboardAsync(jobMonth, world.Lille, finance));
        Assert.Equal(1234.56m, Figure(invoiced, "invoiced").Month - Figure(invoicedBefore, "invoiced").Month);
        Assert.Equal(1234.56m, Figure(invoiced, "invoiced").YearToDate - Figure(invoicedBefore, "invoiced").YearToDate);
        Assert.Equal(hired.Year == invoiced.Year ? 1234.56m : 0m, Figure(hired, "invoiced").YearToDate - Figure(hiredBefore, "invoiced").YearToDate);
        Assert.Equal(0m, Figure(hired, "invoiced").Month - Figure(hiredBefore, "invoiced").Month);
        Assert.Equal(1, (int)(Figure(hired, "jobs").Month - Figure(hiredBefore, "jobs").Month));
        Assert.Equal(job.Gross.Amount, Figure(hired, "gross").Month - Figure(hiredBefore, "gross").Month);
        Assert.Equal(1, hired.AtRisk.Late - riskBefore.Late);
        Assert.Equal(invoice.Totals.Gross.Cents, (hired.AtRisk.LateRemaining - riskBefore.LateRemaining).Cents);

        // Each figure of the year is the sum of its months; members registered at a month's end are those of the month before and its newcomers.
        Assert.Equal(hired.Months.Sum(m => m.Invoiced), Figure(hired, "invoiced").YearToDate);
        Assert.Equal(hired.Months.Sum(m => m.Gross), Figure(hired, "gross").YearToDate);
        Assert.Equal(hired.Months.Sum(m => m.Jobs), Figure(hired, "jobs").YearToDate);
        Assert.All(hired.Months.Skip(1).Zip(hired.Months), p => Assert.Equal(p.Second.Registered + p.First.Joined, p.First.Registered));
        Assert.Equal(hired.Months[^1].Registered, Figure(hired, "registered").YearToDate);
        Assert.Equal(start.Month, hired.Months.Count);
        Assert.Equal(ReportFigures.Progression(Figure(hired, "invoiced").YearToDate, Figure(hired, "invoiced").YearToDateLastYear), Figure(hired, "invoiced").YearProgression);
    }

    [Fact]
    public async Task AManagerSeesTheirOffice_AMemberNothing_ABadMonthIsNamed()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var manager = await factory.ActorAsync(World.LilleManager);
        Assert.Equal(world.Lille, (await DashboardAsync("2026-11", world.Paris, manager)).Office);   // asked for Paris, given Lille
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        Assert.Equal(ReportingErrors.NotFound, (await Assert.ThrowsAsync<DomainException>(() => DashboardAsync("2026-11", null, member))).Error);
        var finance = await factory.ActorAsync(World.Finance);
        foreach (var bad in new[] { "2026-13", "novembre", "1900-12", "2026-11-05" })
        {
            Assert.Contains("month", (await Assert.ThrowsAsync<InputValidationException>(() => DashboardAsync(bad, null, finance))).Errors.Keys);
        }

        Assert.Null((await DashboardAsync("2026-11", null, finance)).Office);

        using var client = await factory.ClientForAsync(World.Finance);
        using var answer = await client.GetAsync("/api/v1/reports/office-dashboard?month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("AAAA-MM", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePlatformsYear_ComputesTheMembersShares_AndTheContractsByFamilyAndTrade()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        var finance = await factory.ActorAsync(World.Finance);
        var start = Hiring.NextDay();
        var year = start.Year;
        Task<AnnualReport> ReportAsync() => factory.InScopeAsync(s => s.GetRequiredService<GetAnnualReport>().HandleAsync(year, null, null, finance));
        decimal? Figure(AnnualReport report, string table, string row) => report.Tables.SingleOrDefault(t => t.Code == table)?.Rows.SingleOrDefault(r => r.Label == row)?.Values[^1];

        var before = await ReportAsync();
        await Hiring.FundAsync(factory, world.LilleActivity, 200_000);
        await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, start), await factory.ActorAsync(World.LilleMemberEmail));
        var after = await ReportAsync();

        Assert.Equal((Figure(before, "contracts_by_family", "Spectacle vivant") ?? 0) + 1, Figure(after, "contracts_by_family", "Spectacle vivant"));
        Assert.NotNull(Figure(after, "live_contracts_by_trade", "Musiciens/Chanteurs"));
        foreach (var code in new[] { "members_by_gender", "members_by_age", "members_by_office", "live_contracts_by_trade" })
        {
            var table = after.Tables.Single(t => t.Code == code);
            Assert.Equal("calculé par Partage", table.Sources[year]);
            Assert.InRange(table.Total!.Values[^1]!.Value, 99.9m, 100.1m);   // shares rounded one by one to two decimals
            Assert.All(table.Rows, r => Assert.Equal(r.Values[^1], Rounding.ToDecimals(r.Values[^1]!.Value, 2)));
        }

        // A client invoiced for the first time this year counts once in its country.
        var today = factory.Today.Year;
        Task<AnnualReport> ThisYearAsync() => factory.InScopeAsync(s => s.GetRequiredService<GetAnnualReport>().HandleAsync(today, null, null, finance));
        var clientsBefore = Figure(await ThisYearAsync(), "clients_by_country", "France") ?? 0;
        var client = await Sales.FrenchClientAsync(factory);
        await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Cours", "2", "C62", "80", null)));
        await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Cours", "1", "C62", "80", null)));
        Assert.Equal(clientsBefore + 1, Figure(await ThisYearAsync(), "clients_by_country", "France"));

        // A member's first activity in an entity makes them one of its members, and one of its newcomers that year.
        var grandsensemble = "Scop Grandsensemble";
        var hadOne = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<App.Modules.Activities.Activity>()
            .AnyAsync(a => a.MemberId == world.ParisMember && a.LegalEntityId == App.Modules.LegalEntities.LegalEntitiesReferenceData.Ge));
        var entitiesBefore = await ThisYearAsync();
        await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Activities.Features.CreateActivity>().HandleAsync(world.ParisMember,
            new App.Modules.Activities.Features.CreateActivityInput("Ateliers d'écriture", "Ateliers", App.Modules.LegalEntities.LegalEntitiesReferenceData.Ge.ToString(),
                App.Modules.LegalEntities.BusinessModules.Projects), Actor.System));
        var entitiesAfter = await ThisYearAsync();
        var joined = hadOne ? 0 : 1;
        Assert.Equal((Figure(entitiesBefore, "members_by_entity", grandsensemble) ?? 0) + joined, Figure(entitiesAfter, "members_by_entity", grandsensemble));
        Assert.Equal((Figure(entitiesBefore, "new_members_by_entity", grandsensemble) ?? 0) + joined, Figure(entitiesAfter, "new_members_by_entity", grandsensemble));

        // The members' count behind the shares is the report's own « Membres inscrits ».
        var registered = Figure(after, "project_members", "Membres inscrits")!.Value;
        var share = after.Tables.Single(t => t.Code == "members_by_gender").Rows[0].Values[^1]!.Value;
        Assert.Contains(Enumerable.Range(1, (int)registered), n => Rounding.ToDecimals(n * 100m / registered, 2) == share);
    }
}

public sealed class SqliteOfficeDashboardTests(December2026Factory factory) : OfficeDashboardTests<December2026Factory>(factory);

public sealed class PostgresOfficeDashboardTests(PostgresDecember2026Factory factory) : OfficeDashboardTests<PostgresDecember2026Factory>(factory);
