using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Ledger;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Safety;

/// <summary>
/// Legal dates are Paris dates: at 23:30 UTC on 31 December it is already New Year's day in
/// Paris, and an invoice issued then is dated 1 January in the new year's series and books.
/// Its own factory, since it moves the clock.
/// </summary>
public class ParisDateTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    [Fact]
    public async Task Invoice_IssuedAt2330UtcOn31December_IsDatedNewYearsDayInTheNewSeries()
    {
        var world = await OpenAsync(factory);
        await OpenYearAsync(factory, 2027);
        var client = await Sales.FrenchClientAsync(factory);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert du réveillon", "1", "C62", "800", null)));

        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        var invoice = await Sales.IssueAsync(factory, draft.Id);

        Assert.Equal(new DateOnly(2027, 1, 1), invoice.IssueDate);
        Assert.Matches(@"^LNA-2027-\d{6}$", invoice.Number);
        var entry = await factory.InScopeAsync(async s =>
        {
            var saleEntry = (await s.GetRequiredService<PartageDbContext>().Set<Invoice>().SingleAsync(i => i.Id == invoice.Id)).SaleEntryId!.Value;
            return await s.GetRequiredService<ILedgerApi>().FindEntryAsync(saleEntry);
        });
        Assert.Equal(new DateOnly(2027, 1, 1), entry!.Date);
    }
}
