using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

public class GuaranteeFundTests(PartageFactory factory) : IClassFixture<PartageFactory>
{
    /// <summary>An invoice issued with a signed order, whose due date is long past: the clock is moved on for this class only.</summary>
    private async Task<InvoiceView> OverdueAsync(string price, bool withOrder = true)
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var draft = Sales.Draft(world.LilleActivity, client.Id, ("Tournée", "1", "C62", price, null)) with { PaymentTermsDays = 0, PurchaseOrder = withOrder ? "BC-77" : null };
        return await Sales.IssuedAsync(factory, draft);
    }

    private Task<long> AccountAsync(string number) => factory.InScopeAsync(async s =>
        (await s.GetRequiredService<GetAccountDetail>().HandleAsync("LNA", number, "2026-01-01", TestDates.Text(TestDates.Today.AddYears(1)), Actor.System)).Closing.Cents);

    private Task CoverAsync(InvoiceId id) => factory.InScopeAsync(async s => { await s.GetRequiredService<CoverInvoice>().HandleAsync(id, Actor.System); return 0; });

    /// <summary>One flow, because the class's clock only moves forward: cover, recovery by a later payment, write-off.</summary>
    [Fact]
    public async Task Cover_Recover_WriteOff()
    {
        var recovered = await OverdueAsync("1000");   // 1,200.00 incl. VAT, due today
        var noOrder = await OverdueAsync("100", withOrder: false);
        var lost = await OverdueAsync("500");         // 600.00
        var early = await Assert.ThrowsAsync<DomainException>(() => CoverAsync(recovered.Id));
        Assert.Equal(InvoicingErrors.CoverTooEarly, early.Error);

        factory.Clock.Advance(TimeSpan.FromDays(31));   // the fixture opens the fiscal year after the clock's too
        var refused = await Assert.ThrowsAsync<DomainException>(() => CoverAsync(noOrder.Id));
        Assert.Equal(InvoicingErrors.OrderNotConfirmed, refused.Error);

        var world = await World.OfAsync(factory);
        var before = await BudgetAsync(factory, world.LilleActivity);
        var doubtful = await AccountAsync(ChartOfAccounts.DoubtfulClients);
        await CoverAsync(recovered.Id);
        var after = await BudgetAsync(factory, world.LilleActivity);
        Assert.Equal(before.InvoicedUnpaid - Money.Eur(100_000), after.InvoicedUnpaid);
        Assert.Equal(before.Available + Money.Eur(100_000), after.Available);   // the activity keeps its money
        Assert.Equal(before.Earned, after.Earned);
        Assert.Equal(doubtful + 120_000, await AccountAsync(ChartOfAccounts.DoubtfulClients));
        var summary = await factory.InScopeAsync(s => s.GetRequiredService<GetGuaranteeFund>().HandleAsync(Actor.System));
        Assert.Contains(summary.History, c => c.InvoiceId == recovered.Id && c.Status == CoverStatus.Covered);
        Assert.True(summary.Entities.Single(e => e.Entity == "LNA").Exposure >= Money.Eur(120_000));

        var paid = await factory.InScopeAsync(s => s.GetRequiredService<RecordInvoicePayment>().HandleAsync(recovered.Id, new PaymentInput("1200", null, "Enfin"), Actor.System));
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(doubtful, await AccountAsync(ChartOfAccounts.DoubtfulClients));
        Assert.Equal(after, await BudgetAsync(factory, world.LilleActivity));   // the payment no longer concerns the activity
        var closed = await factory.InScopeAsync(s => s.GetRequiredService<GetGuaranteeFund>().HandleAsync(Actor.System));
        Assert.Contains(closed.History, c => c.InvoiceId == recovered.Id && c.Status == CoverStatus.Recovered);

        await CoverAsync(lost.Id);
        var (loss, vat, fund, transfers) = (await AccountAsync("654"), await AccountAsync("44571"), await AccountAsync("4671"), await AccountAsync("791"));
        await factory.InScopeAsync(async s => { await s.GetRequiredService<WriteOffInvoice>().HandleAsync(lost.Id, "Client en liquidation", Actor.System); return 0; });
        Assert.Equal(loss + 50_000, await AccountAsync("654"));
        Assert.Equal(vat + 10_000, await AccountAsync("44571"));       // VAT collected given back
        Assert.Equal(fund + 50_000, await AccountAsync("4671"));       // the fund (a credit balance) shrinks by the loss
        Assert.Equal(transfers - 50_000, await AccountAsync("791"));
        var view = await factory.InScopeAsync(s => s.GetRequiredService<GetInvoice>().HandleAsync(lost.Id, Actor.System));
        Assert.Equal(InvoiceStatus.WrittenOff, view.Status);
        Assert.True((await factory.InScopeAsync(s => s.GetRequiredService<CheckBooks>().HandleAsync("LNA"))).IsBalanced);
        var twice = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(async s => { await s.GetRequiredService<WriteOffInvoice>().HandleAsync(lost.Id, "encore", Actor.System); return 0; }));
        Assert.Equal(InvoicingErrors.NotCovered, twice.Error);
    }
}
