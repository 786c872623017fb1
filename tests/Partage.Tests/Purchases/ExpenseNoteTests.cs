using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.Ledger.Features;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Modules.Purchases;
using Partage.App.Modules.Purchases.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Purchases;

/// <summary>The kilometre scale, crossed exactly at its band limits.</summary>
public class MileageScaleTests
{
    [Theory]
    [InlineData(0, 120, 5, false, "76.32")]          // 120 × 0.636
    [InlineData(4_950, 100, 5, false, "49.65")]      // (5,050 × 0.357 + 1,395) − 4,950 × 0.636: the band changes within the trip
    [InlineData(4_950, 100, 5, true, "59.58")]       // the same, electric: + 20 %
    [InlineData(19_990, 20, 3, false, "21.86")]      // 20,010 × 0.370 − (19,990 × 0.316 + 1,065)
    [InlineData(0, 10, 12, false, "6.97")]           // 7 CV and more
    [InlineData(0, 10, 1, false, "5.29")]            // 3 CV and less
    public void Allowance_IsWhatTheYearIsWorthWithTheTrip_LessWhatItWasWorthBefore(int before, int kilometres, int power, bool electric, string expected)
    {
        Assert.Equal(Money.FromAmount(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Currency.Eur),
            MileageScale.Allowance(new DateOnly(2026, 11, 20), power, electric, before, kilometres));
        Assert.All(MileageScale.All, r => Assert.Contains("Arrêté du 27 mars 2023", r.Source, StringComparison.Ordinal));
    }
}

/// <summary>Expense notes from the member's receipt or trip to the reimbursement in the SEPA batch, on both databases.</summary>
public abstract class ExpenseNoteTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    [Fact]
    public async Task AReceiptAndATrip_ApprovedByTheManager_AreReimbursedInTheNextBatch()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await Payroll.Hiring.FundAsync(factory, world.LilleActivity, 200_000);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var manager = await factory.ActorAsync(World.LilleManager);
        var day = factory.Today.AddDays(-2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var activity = world.LilleActivity.ToString();
        var purchase = await SubmitAsync(new(activity, day, "Cordes de guitare", "Supplies", "120,00", "20", null, null), new ReceiptUpload("ticket magasin.pdf", Pdf), member);
        Assert.Equal((ExpenseNoteStatus.Submitted, "ticket-magasin.pdf"), (purchase.Status, purchase.ReceiptName));
        var january = new DateOnly(factory.Today.Year, 1, 1);
        var tripsBefore = (await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<ExpenseNote>()
            .Where(n => n.MemberId == world.LilleMember && n.Kilometres != null && n.Date >= january && n.Status != ExpenseNoteStatus.Refused).Select(n => n.Kilometres!.Value).ToListAsync())).Sum();
        var trip = await SubmitAsync(new(activity, day, "Concert à Arras", null, null, null, "120", "5"), null, member);
        Assert.Equal(MileageScale.Allowance(factory.Today, 5, false, tripsBefore, 120), trip.Amount);
        Assert.Equal(ExpenseCategory.Travel, trip.Category);

        // What is refused, in words, with nothing recorded.
        async Task RefusedAsync(ExpenseNoteInput input, ReceiptUpload? receipt, string field, string words)
        {
            var e = await Assert.ThrowsAsync<InputValidationException>(() => SubmitAsync(input, receipt, member));
            Assert.Contains(words, string.Join(" ", e.Errors[field]), StringComparison.Ordinal);
        }

        await RefusedAsync(new(activity, day, "Sans ticket", "Supplies", "10", null, null, null), null, "Receipt", "Joignez le justificatif");
        await RefusedAsync(new(activity, day, "Programme", "Supplies", "10", null, null, null), new("virus.pdf", [0x4D, 0x5A, 0x90, 0x00]), "Receipt", "un PDF, une photo JPEG ou PNG");
        await RefusedAsync(new(activity, day, "Trop de TVA", "Supplies", "120", "30", null, null), new("t.pdf", Pdf), "Vat", "un sixième du montant TTC");
        await RefusedAsync(new(activity, factory.Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "Demain", "Supplies", "10", null, null, null), new("t.pdf", Pdf), "Date", "pas d'un jour à venir");
        await RefusedAsync(new(world.ParisActivity.ToString(), day, "Pas mon activité", "Supplies", "10", null, null, null), new("t.pdf", Pdf), "ActivityId", "une de vos activités");
        await RefusedAsync(new(activity, day, "Trajet", null, null, null, "-5", "5"), null, "Kilometres", "La distance");
        await RefusedAsync(new(activity, day, "Montant absurde", "Supplies", "1e30", null, null, null), new("t.pdf", Pdf), "Amount", "Le montant TTC");

        // The member never approves their own note; another office's manager does not see it; the office's manager does.
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApproveExpenseNote>().HandleAsync(purchase.Id, member)));
        await Assert.ThrowsAsync<DomainException>(async () => await factory.InScopeAsync(async s => await s.GetRequiredService<ApproveExpenseNote>().HandleAsync(purchase.Id, await factory.ActorAsync(World.ParisManager))));
        var paris = await factory.ActorAsync(World.ParisMemberEmail);
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<SearchExpenseNotes>().ReceiptAsync(purchase.Id, paris)));
        var (_, _, receipt) = await factory.InScopeAsync(s => s.GetRequiredService<SearchExpenseNotes>().ReceiptAsync(purchase.Id, manager));
        Assert.Equal(Pdf, receipt);

        var spent = (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(world.LilleActivity))).Spent;
        var approved = await factory.InScopeAsync(s => s.GetRequiredService<ApproveExpenseNote>().HandleAsync(purchase.Id, manager));
        await factory.InScopeAsync(s => s.GetRequiredService<ApproveExpenseNote>().HandleAsync(trip.Id, manager));
        await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ApproveExpenseNote>().HandleAsync(purchase.Id, manager)));
        Assert.StartsWith("NDF-", approved.Number, StringComparison.Ordinal);
        Assert.Equal(Money.Eur(10_000) + trip.Amount, (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().BudgetAsync(world.LilleActivity))).Spent - spent);
        var entryId = await factory.InScopeAsync(s => s.GetRequiredService<PartageDbContext>().Set<ExpenseNote>().Where(n => n.Id == purchase.Id).Select(n => n.EntryId).SingleAsync());
        var entry = (await factory.InScopeAsync(s => s.GetRequiredService<ILedgerApi>().FindEntryAsync(entryId!.Value)))!;
        Assert.Equal([("606", Side.Debit, 10_000L), ("44566", Side.Debit, 2_000L), ("421", Side.Credit, 12_000L)], entry.Lines.Select(l => (l.AccountNumber, l.Side, l.Amount.Cents)));

        var refusedNote = await SubmitAsync(new(activity, day, "Repas", "Other", "30", null, null, null), new("repas.pdf", Pdf), member);
        await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s => s.GetRequiredService<RefuseExpenseNote>().HandleAsync(refusedNote.Id, new(" "), manager)));
        Assert.Equal(ExpenseNoteStatus.Refused, (await factory.InScopeAsync(s => s.GetRequiredService<RefuseExpenseNote>().HandleAsync(refusedNote.Id, new("Repas pris seul, sans lien avec l'activité"), manager))).Status);

        // The next run reimburses both approved notes with the wages; the refused one stays out.
        var payroll = await factory.ActorAsync(World.Payroll);
        await factory.InScopeAsync(s => s.GetRequiredService<RunPayroll>().HandleAsync(factory.Today, payroll));
        foreach (var batch in (await factory.InScopeAsync(s => s.GetRequiredService<ListWageBatches>().HandleAsync(new App.Infrastructure.PageRequest(1, 50), payroll))).Items
                     .Where(b => b.Status == App.Modules.Payroll.PaymentBatchStatus.Built))
        {
            await factory.InScopeAsync(s => s.GetRequiredService<ReleaseWageBatch>().HandleAsync(batch.Id, payroll));
            var (name, sepa) = await factory.InScopeAsync(s => s.GetRequiredService<GetWageBatchSepaFile>().HandleAsync(batch.Id, payroll));
            var file = Path.Combine(Invoicing.InvoiceTests.ArtifactsFolder, $"expenses-{name}");
            await File.WriteAllBytesAsync(file, sepa);
            var problems = await Payroll.SepaChecker.CheckAsync(file);
            Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        }

        var books = await factory.InScopeAsync(s => s.GetRequiredService<CheckBooks>().HandleAsync("LNA"));
        Assert.True(books.IsBalanced, string.Join(Environment.NewLine, books.Problems));
        var mine = await factory.InScopeAsync(s => s.GetRequiredService<SearchExpenseNotes>().HandleAsync(null, new App.Infrastructure.PageRequest(1, 50), member));
        Assert.Equal(2, mine.Items.Count(n => n.Status == ExpenseNoteStatus.Paid && (n.Id == purchase.Id || n.Id == trip.Id)));
        Assert.Equal(ExpenseNoteStatus.Refused, mine.Items.Single(n => n.Id == refusedNote.Id).Status);
        Assert.Equal(0, (await factory.InScopeAsync(s => s.GetRequiredService<SearchExpenseNotes>().HandleAsync(null, new App.Infrastructure.PageRequest(1, 50), paris))).Items.Count(n => n.MemberId == world.LilleMember));
    }

    private Task<ExpenseNoteView> SubmitAsync(ExpenseNoteInput input, ReceiptUpload? receipt, Actor actor) =>
        factory.InScopeAsync(s => s.GetRequiredService<SubmitExpenseNote>().HandleAsync(input, receipt, actor));
}

public sealed class SqliteExpenseNoteTests(December2026Factory factory) : ExpenseNoteTests<December2026Factory>(factory);

public sealed class PostgresExpenseNoteTests(PostgresDecember2026Factory factory) : ExpenseNoteTests<PostgresDecember2026Factory>(factory);
