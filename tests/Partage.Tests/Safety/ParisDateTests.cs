using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Payroll;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Safety;

/// <summary>
/// Legal dates are Paris dates: at 23:30 UTC on 31 December it is already New Year's day in
/// Paris, and an invoice issued then is dated 1 January in the new year's series and books; a hire
/// recorded then is in the DPAE file of 1 January, an activity opened then is opened on 1 January.
/// Its own factory, since it moves the clock (to the next New Year's Eve after the test clock).
/// </summary>
public class ParisDateTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task At2330UtcOn31December_InvoiceDpaeAndActivity_AreOfNewYearsDay()
    {
        var world = await OpenAsync(factory);
        var eve = new DateTimeOffset(factory.Clock.GetUtcNow().Year, 12, 31, 23, 30, 0, TimeSpan.Zero);
        var newYear = new DateOnly(eve.Year + 1, 1, 1);
        await OpenYearAsync(factory, newYear.Year);
        await Hiring.FundAsync(factory, world.LilleActivity, 200_000);
        var client = await Sales.FrenchClientAsync(factory);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert du réveillon", "1", "C62", "800", null)));

        factory.Clock.SetUtcNow(eve);
        var invoice = await Sales.IssueAsync(factory, draft.Id);

        Assert.Equal(newYear, invoice.IssueDate);
        Assert.Matches($@"^LNA-{newYear.Year}-\d{{6}}$", invoice.Number);
        var entry = await factory.InScopeAsync(async s =>
        {
            var saleEntry = (await s.GetRequiredService<PartageDbContext>().Set<Invoice>().SingleAsync(i => i.Id == invoice.Id)).SaleEntryId!.Value;
            return await s.GetRequiredService<ILedgerApi>().FindEntryAsync(saleEntry);
        });
        Assert.Equal(newYear, entry!.Date);

        // The hire countersigned now is declared on New Year's day, not on the 31st (UTC's date).
        var job = await Hiring.CountersignedAsync(factory, Hiring.Artist(world.LilleActivity, newYear.AddDays(4)));
        using var payroll = await factory.ClientForAsync(World.Payroll);
        string Day(DateOnly d) => TestDates.Text(d);
        Assert.Contains(job.Number, await payroll.GetStringAsync($"/api/v1/payroll/dpae.csv?from={Day(newYear)}&to={Day(newYear)}"), StringComparison.Ordinal);
        Assert.DoesNotContain(job.Number, await payroll.GetStringAsync($"/api/v1/payroll/dpae.csv?from={Day(newYear.AddDays(-1))}&to={Day(newYear.AddDays(-1))}"), StringComparison.Ordinal);

        // An activity created now is not among those open on 31 December (its month-end fixed fee is January's).
        var opened = await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(world.LilleMember,
            new CreateActivityInput("Réveillon", "Bals", LegalEntitiesReferenceData.Lna.ToString(), BusinessModules.Shows), Actor.System));
        Assert.DoesNotContain(opened.Id, await factory.InScopeAsync(s => s.GetRequiredService<IFeeBearingActivities>().ActiveAsync(Lna, BusinessModules.Shows, newYear.AddDays(-1))));
        Assert.Contains(opened.Id, await factory.InScopeAsync(s => s.GetRequiredService<IFeeBearingActivities>().ActiveAsync(Lna, BusinessModules.Shows, newYear)));
    }
}
