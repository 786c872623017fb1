using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Platform;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Notifications.Features;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Modules.Purchases;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using Partage.Tests.Invoicing;
using Partage.Tests.Invoicing.Platform;

namespace Partage.Tests.Purchases;

/// <summary>
/// Suppliers' invoices from the accredited platform (the scripted platform behind Prism), end to end: read in the three
/// syntaxes, routed to the activity by its reference, approved by the member, posted, paid in the wage batch, and the
/// buyer's statuses sent back through the platform (Prism checks each call, the CDV schematron each status).
/// </summary>
public sealed class SupplierInvoiceTests(PlatformStandIn standIn) : IClassFixture<PlatformStandIn>
{
    private readonly bool reset = standIn.Reset();

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task CiiUblAndFacturX_AreRoutedApprovedPostedAndPaidInTheWageBatch_AndTheStatusesGoBack(Provider provider)
    {
        Assert.True(reset);
        using var factory = new PlatformFactory(standIn, provider);
        var world = await Ledger.Books.OpenAsync(factory);
        await Payroll.Hiring.FundAsync(factory, world.LilleActivity, 500_000);
        var lna = await PlatformFactory.EntityAsync(factory, "LNA");
        var scic = await PlatformFactory.EntityAsync(factory, "SCIC");
        var reference = ActivityReference.Of(world.LilleActivity);
        standIn.Platform.AddIncomingInvoice(lna.Siren, SupplierFiles.Cii("F-2026-118", lna.Siren, $"Commande {reference.ToLowerInvariant()}", [new("Location projecteurs", 40_000, 20m), new("Transport", 5_000, 10m)]), "CII");
        standIn.Platform.AddIncomingInvoice(lna.Siren, SupplierFiles.Ubl("U-77", lna.Siren, reference, [new("Gélatines", 12_345, 20m)]), "UBL");
        var facturX = await factory.InScopeAsync(s => s.GetRequiredService<IInvoicingApi>().FacturXAsync(new ExternalInvoice(
            scic.Id, new InvoiceParty(lna.Name, lna.LegalForm, lna.Siren, null, lna.VatNumber, lna.Street, null, lna.PostalCode, lna.City, "FR", null, null),
            "SCIC-2026-000042", new DateOnly(2026, 11, 22), new DateOnly(2026, 12, 3), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
            [s.GetRequiredService<IInvoicingApi>().StandardRated("Accompagnement", Money.Eur(20_000))], "RF00SCIC", reference)));
        standIn.Platform.AddIncomingInvoice(lna.Siren, facturX, "Factur-X");

        var receipt = await PlatformFactory.ReceiveAsync(factory);
        var refused = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<PlatformFlow>().Where(f => f.State == PlatformFlowState.Rejected).Select(f => f.LastError).ToListAsync());
        Assert.True(refused.Count == 0, string.Join(Environment.NewLine, refused));
        Assert.Equal(3, receipt.SupplierInvoices);
        Assert.Equal(0, (await PlatformFactory.ReceiveAsync(factory)).SupplierInvoices);   // each flow once
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var queue = await factory.InScopeAsync(s => s.GetRequiredService<SearchSupplierInvoices>().HandleAsync(SupplierInvoiceStatus.ToApprove, null, new App.Infrastructure.PageRequest(1, 50), member));
        Assert.Equal(["CII", "Factur-X", "UBL"], queue.Items.Select(i => i.Syntax).Order());
        Assert.All(queue.Items, i => Assert.Equal(world.LilleActivity, i.ActivityId));
        var notices = await factory.InScopeAsync(s => s.GetRequiredService<ListNotices>().HandleAsync(false, 1, 50, member));
        Assert.Equal(3, notices.Notices.Items.Count(n => n.Text.StartsWith("Facture de ", StringComparison.Ordinal) && n.Text.Contains("à approuver pour", StringComparison.Ordinal)));
        var paris = await factory.ActorAsync(World.ParisMemberEmail);
        Assert.Equal(0, (await factory.InScopeAsync(s => s.GetRequiredService<SearchSupplierInvoices>().HandleAsync(null, null, new App.Infrastructure.PageRequest(1, 50), paris))).Total);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApproveSupplierInvoice>().HandleAsync(queue.Items[0].Id, new("Rentals"), paris)));

        var spentBefore = (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(world.LilleActivity))).Spent;
        // Two approvals of one invoice at the same moment (two tabs, two servers): one posts it, the other is refused whole.
        var first = queue.Items[0];
        var twice = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                await factory.InScopeAsync(s => s.GetRequiredService<ApproveSupplierInvoice>().HandleAsync(first.Id, new("Rentals"), member));
                return true;
            }
            catch (DomainException)
            {
                return false;
            }
        })));
        Assert.Equal(1, twice.Count(ok => ok));
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<JournalEntry>().CountAsync(e => e.SourceType == "supplier_invoice" && e.SourceId == first.Id.ToString())));
        foreach (var invoice in queue.Items.Skip(1))
        {
            var approved = await factory.InScopeAsync(s => s.GetRequiredService<ApproveSupplierInvoice>().HandleAsync(invoice.Id, new("Rentals"), member));
            Assert.Equal((SupplierInvoiceStatus.Approved, "Locations (matériel, salles)"), (approved.Status, approved.CategoryLabel));
        }

        var again = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApproveSupplierInvoice>().HandleAsync(queue.Items[0].Id, new("Rentals"), member)));
        Assert.Equal(PurchasesErrors.WrongStatus, again.Error);
        var budget = await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(world.LilleActivity));
        Assert.Equal(Money.Eur(45_000 + 12_345 + 20_000), budget.Spent - spentBefore);   // the net amounts: the VAT is deducted, not spent
        var cii = queue.Items.Single(i => i.Syntax == "CII");
        var entry = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<SupplierInvoice>().Where(i => i.Id == cii.Id).Select(i => i.EntryId).SingleAsync());
        var posted = (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().FindEntryAsync(entry!.Value)))!;
        Assert.Equal(("AC", "6135", "44566", "401"), (posted.Journal, posted.Lines[0].AccountNumber, posted.Lines[1].AccountNumber, posted.Lines[2].AccountNumber));
        Assert.Equal((Money.Eur(45_000), Money.Eur(8_500), Money.Eur(53_500)), (posted.Lines[0].Amount, posted.Lines[1].Amount, posted.Lines[2].Amount));
        Assert.Equal($"F{SupplierFiles.SupplierSiren}", posted.Lines[2].AuxiliaryCode);

        // The day's run pays what is due (5 December: all three) with the wages, in the entity's SEPA batch.
        var staff = await factory.ActorAsync(World.Payroll);
        var run = await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(new DateOnly(2026, 12, 5), staff));
        Assert.Equal(Money.Eur(53_500 + 14_814 + 24_000), run.Total);
        var batch = Assert.Single((await factory.InScopeAsync(s => s.GetRequiredService<ListWageBatches>().HandleAsync(new App.Infrastructure.PageRequest(1, 50), staff))).Items);
        await factory.InScopeAsync(s => s.GetRequiredService<ReleaseWageBatch>().HandleAsync(batch.Id, staff));
        var (name, sepa) = await factory.InScopeAsync(s => s.GetRequiredService<GetWageBatchSepaFile>().HandleAsync(batch.Id, staff));
        var file = Path.Combine(InvoiceTests.ArtifactsFolder, $"suppliers-{name}");
        await File.WriteAllBytesAsync(file, sepa);
        var problems = await Payroll.SepaChecker.CheckAsync(file);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(SupplierFiles.SupplierIban, Encoding.UTF8.GetString(sepa), StringComparison.Ordinal);
        Assert.Equal(Money.ZeroEur, await factory.InScopeAsync(s => SupplierBalanceAsync(s, lna.Id)));   // 401 settled
        var books = await factory.InScopeAsync(s => s.GetRequiredService<App.Modules.Ledger.Features.CheckBooks>().HandleAsync("LNA"));
        Assert.True(books.IsBalanced, string.Join(Environment.NewLine, books.Problems));
        var paid = await factory.InScopeAsync(s => s.GetRequiredService<SearchSupplierInvoices>().HandleAsync(SupplierInvoiceStatus.Paid, null, new App.Infrastructure.PageRequest(1, 50), member));
        Assert.Equal(3, paid.Total);

        // Approved (205) and payment sent (211), three of each, go to the suppliers through the platform; each is a valid CDV message.
        var round = await PlatformFactory.SendAsync(factory);
        Assert.Equal(6, round.Submitted);
        Assert.Empty(standIn.Flows.Violations);
        foreach (var status in factory.Sent.Where(f => f.Name.EndsWith("-205.xml", StringComparison.Ordinal) || f.Name.EndsWith("-211.xml", StringComparison.Ordinal)).Take(2))
        {
            var xml = Path.Combine(InvoiceTests.ArtifactsFolder, $"buyer-{status.Name}");
            await File.WriteAllBytesAsync(xml, status.Content);
            var report = await EInvoiceValidator.ValidateCdarAsync(xml);
            Assert.True(report.Passed, report.ToString());
            Assert.Equal("BY", Assert.Single(Cdar.Read(status.Content)).SenderRole);
        }
    }

    [Fact]
    public async Task AMalformedOrWronglyAddressedInvoice_IsRefusedWhole_AndADisputeGoesBackWithItsReason()
    {
        using var factory = new PlatformFactory(standIn);
        var world = await Ledger.Books.OpenAsync(factory);
        var lna = await PlatformFactory.EntityAsync(factory, "LNA");
        var reference = ActivityReference.Of(world.LilleActivity);
        standIn.Platform.AddIncomingInvoice(lna.Siren, SupplierFiles.Cii("W-1", "552100554", reference, [new("Câbles", 10_000, 20m)]), "CII");
        standIn.Platform.AddIncomingInvoice(lna.Siren, SupplierFiles.Cii("W-2", lna.Siren, reference, [new("Câbles", 10_000, 20m)], grandTotalOverride: 13_000), "CII");
        standIn.Platform.AddIncomingInvoice(lna.Siren, SupplierFiles.Cii("W-3", lna.Siren, reference, [new("Câbles", 10_000, 19.6m)]), "CII");
        standIn.Platform.AddIncomingInvoice(lna.Siren, Encoding.UTF8.GetBytes("%PDF-1.4 pas une facture"), "Factur-X");
        standIn.Platform.AddIncomingInvoice(lna.Siren, SupplierFiles.Cii("D-1", lna.Siren, reference, [new("Câbles", 10_000, 20m)]), "CII");

        var receipt = await PlatformFactory.ReceiveAsync(factory);
        Assert.Equal((1, 4), (receipt.SupplierInvoices, receipt.Rejected));
        var reasons = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<PlatformFlow>()
            .Where(f => f.Direction == FlowDirection.In && f.State == PlatformFlowState.Rejected).Select(f => f.LastError!).ToListAsync());
        Assert.Contains(reasons, r => r.StartsWith("La facture est adressée à Acheteur (SIREN 552100554), et non à", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Le total TTC (130,00", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Le taux de TVA 19.6 %", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("Le PDF de la facture est illisible", StringComparison.Ordinal));
        Assert.Equal(1, await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<SupplierInvoice>().CountAsync()));

        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var kept = Assert.Single((await factory.InScopeAsync(s => s.GetRequiredService<SearchSupplierInvoices>().HandleAsync(null, "D-1", new App.Infrastructure.PageRequest(1, 50), member))).Items);
        await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<DisputeSupplierInvoice>().HandleAsync(kept.Id, new("  "), member)));
        var disputed = await factory.InScopeAsync(s => s.GetRequiredService<DisputeSupplierInvoice>().HandleAsync(kept.Id, new("Câbles jamais livrés"), member));
        Assert.Equal(SupplierInvoiceStatus.Disputed, disputed.Status);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApproveSupplierInvoice>().HandleAsync(kept.Id, new("Supplies"), member)));

        // Three refusals (210: wrong buyer, arithmetic, VAT rate; the unreadable file names no supplier) and the dispute (207) go back.
        Assert.Equal(4, (await PlatformFactory.SendAsync(factory)).Submitted);
        Assert.Empty(standIn.Flows.Violations);
        foreach (var (code, reasonCode) in new[] { (210, "DEST_ERR"), (210, "MONTANTTOTAL_ERR"), (210, "TX_TVA_ERR"), (207, "AUTRE") })
        {
            var sent = factory.Sent.Select(f => (f.Name, f.Content, Status: Cdar.Read(f.Content).Single())).Single(f => f.Status.Code == code && f.Status.ReasonCode == reasonCode);
            var xml = Path.Combine(InvoiceTests.ArtifactsFolder, $"buyer-{code}-{reasonCode}.xml");
            await File.WriteAllBytesAsync(xml, sent.Content);
            var report = await EInvoiceValidator.ValidateCdarAsync(xml);
            Assert.True(report.Passed, report.ToString());
        }
    }

    private static async Task<Money> SupplierBalanceAsync(IServiceProvider services, LegalEntityId entity)
    {
        var db = services.GetRequiredService<PartageDbContext>();
        var cents = await db.Set<Posting>().Join(db.Set<LedgerAccount>(), p => p.AccountId, a => a.Id, (p, a) => new { p, a })
            .Where(x => x.a.LegalEntityId == entity && x.a.Number == "401" && x.a.AuxiliaryCode == $"F{SupplierFiles.SupplierSiren}")
            .SumAsync(x => x.p.Side == Side.Debit ? x.p.Amount : -x.p.Amount);
        return Money.Eur(cents);
    }
}
