using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Invoicing;
using Partage.App.Modules.Invoicing.Features;
using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Tests.Clients;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Invoicing.InvoiceTests;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Invoicing;

public static class InvoiceTests
{
    public static string ArtifactsFolder
    {
        get
        {
            var folder = Path.Combine(Environment.GetEnvironmentVariable("PARTAGE_ARTIFACTS") ?? Path.Combine(Path.GetTempPath(), "partage-artifacts"), "invoices");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }
}

/// <summary>Client invoices from draft to payment and credit note, on SQLite and PostgreSQL.</summary>
public abstract class InvoiceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{

    [Fact]
    public async Task Issue_FrenchClient_NumberFiguresAndSalePostedWithTheFee()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var before = await BudgetAsync(factory, world.LilleActivity);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id,
            ("Concert du 14 novembre, quartet", "1", "C62", "1450", "FR_2_1"),
            ("Répétitions", "6.5", "HUR", "45.333", "FR_20"),
            ("Déplacement", "3", "DAY", "0.0167", "FR_20")));
        Assert.Equal(InvoiceStatus.Draft, draft.Status);
        Assert.Null(draft.Number);
        // Line nets rounded each: 1,450.00; 6.5 × 45.333 = 294.6645 → 294.66; 3 × 0.0167 = 0.0501 → 0.05.
        Assert.Equal([145_000L, 29_466L, 5L], draft.Lines.Select(l => l.Net.Cents));
        // VAT per rate on the summed bases: 20 % of 294.71 = 58.942 → 58.94; 2.1 % of 1,450.00 = 30.45.
        Assert.Equal(Money.Eur(5_894 + 3_045), draft.Totals.Vat);

        var issued = await Sales.IssueAsync(factory, draft.Id);
        Assert.Equal(InvoiceStatus.Issued, issued.Status);
        Assert.Matches($@"^LNA-{TestDates.Today.Year}-\d{{6}}$", issued.Number);
        Assert.True(CreditorReference.IsValid(issued.PaymentReference));
        Assert.Equal(TestDates.Today, issued.IssueDate);
        Assert.Equal(TestDates.Today.AddDays(30), issued.DueDate);
        // Each line keeps the category and rate it was issued with, whatever the VAT rules become.
        var frozen = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<InvoiceLine>()
            .Where(l => l.InvoiceId == draft.Id).OrderBy(l => l.Position).Select(l => new { l.VatCategory, l.VatRatePercent }).ToListAsync());
        Assert.Equal([("S", 2.1m), ("S", 20m), ("S", 20m)], frozen.Select(l => (l.VatCategory, l.VatRatePercent)));

        var after = await BudgetAsync(factory, world.LilleActivity);
        var net = Money.Eur(174_471);
        var fee = Money.Eur(11_341);   // 6.5 % of 1,744.71 = 113.406 → 113.41
        Assert.Equal(before.Earned + net - fee, after.Earned);
        Assert.Equal(before.InvoicedUnpaid + net, after.InvoicedUnpaid);

        var again = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<UpdateInvoiceDraft>().HandleAsync(draft.Id, Sales.Draft(world.LilleActivity, client.Id, ("x", "1", "C62", "1", null)), Actor.System)));
        Assert.Equal(InvoicingErrors.NotDraft, again.Error);
    }

    [Fact]
    public async Task IssueTwice_OrCreditACreditNote_OrPayACreditNote_Refused_NothingWritten()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "500", null)));
        var entries = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<JournalEntry>().CountAsync());

        var twice = await Assert.ThrowsAsync<DomainException>(() => Sales.IssueAsync(factory, issued.Id));
        Assert.Equal(InvoicingErrors.NotDraft, twice.Error);
        var note = await factory.InScopeAsync(s => s.GetRequiredService<CreditInvoice>().HandleAsync(issued.Id, "Annulée", Actor.System));
        var creditOfCredit = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<CreditInvoice>().HandleAsync(note.Id, "encore", Actor.System)));
        Assert.Equal(InvoicingErrors.NotIssued, creditOfCredit.Error);
        var payCredit = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<RecordInvoicePayment>().HandleAsync(note.Id, new PaymentInput("10", null, null), Actor.System)));
        Assert.Equal(InvoicingErrors.NotIssued, payCredit.Error);
        Assert.Equal(entries + 1, await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<JournalEntry>().CountAsync()));   // the credit note's entry only
    }

    [Fact]
    public async Task Send_EmailsTheFacturXPdf_MarksSent_StillPayableAndCreditable_DraftOrNoEmailRefused()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Concert", "1", "C62", "500", null)));
        var early = await Assert.ThrowsAsync<DomainException>(() => SendAsync(draft.Id, member));
        Assert.Equal(InvoicingErrors.NotSendable, early.Error);

        var issued = await Sales.IssueAsync(factory, draft.Id);
        var sent = await SendAsync(issued.Id, member);
        Assert.Equal((InvoiceStatus.Sent, client.BillingEmail), (sent.Status, sent.SentTo));
        Assert.Equal(PartageFactory.Now.UtcDateTime, sent.SentAt);
        var mail = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<App.Infrastructure.Mail.OutboxMessage>()
            .SingleAsync(m => m.Subject.StartsWith("Facture " + issued.Number)));
        Assert.Equal(client.BillingEmail, mail.To);
        Assert.EndsWith("TTC — La Nouvelle Aventure — pour le compte de l'activité Quartet Durand", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(World.LilleMemberEmail, mail.ReplyTo);   // the client answers the member, not a no-reply box
        Assert.Equal($"facture-{issued.Number}.pdf", mail.AttachmentName);
        Assert.Contains(issued.PaymentReference!, mail.Body, StringComparison.Ordinal);
        var pdf = Path.Combine(ArtifactsFolder, mail.AttachmentName!);
        await File.WriteAllBytesAsync(pdf, mail.Attachment!);
        var report = await EInvoiceValidator.ValidatePdfAsync(pdf);
        Assert.True(report.Passed, report.ToString());

        var paid = await factory.InScopeAsync(s => s.GetRequiredService<RecordInvoicePayment>().HandleAsync(issued.Id, new PaymentInput("100", null, "Acompte"), Actor.System));
        Assert.Equal(InvoiceStatus.PartlyPaid, paid.Status);
        var resent = await SendAsync(issued.Id, member);   // a lost e-mail: sent again, the status stays
        Assert.Equal(InvoiceStatus.PartlyPaid, resent.Status);

        var other = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "1", "C62", "80", null)));
        await SendAsync(other.Id, member);
        var note = await factory.InScopeAsync(s => s.GetRequiredService<CreditInvoice>().HandleAsync(other.Id, "Annulé", Actor.System));
        Assert.Equal(InvoiceStatus.Sent, (await SendAsync(note.Id, member)).Status);

        var silent = await Sales.ClientAsync(factory, ClientTests.FrenchCompany(TestIdentifiers.Siren(), "Compagnie sans e-mail") with { BillingEmail = null });
        var mute = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, silent.Id, ("Atelier", "1", "C62", "80", null)));
        var noEmail = await Assert.ThrowsAsync<DomainException>(() => SendAsync(mute.Id, member));
        Assert.Equal(InvoicingErrors.ClientIncomplete, noEmail.Error);
        Assert.Equal(InvoiceStatus.Issued, (await factory.InScopeAsync(s => s.GetRequiredService<GetInvoice>().HandleAsync(mute.Id, Actor.System))).Status);
    }

    private Task<InvoiceView> SendAsync(InvoiceId id, Actor actor) => factory.InScopeAsync(s => s.GetRequiredService<SendInvoice>().HandleAsync(id, actor));

    [Fact]
    public async Task Numbers_GaplessAndChronologicalPerEntity()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var numbers = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ($"Prestation {i}", "1", "C62", "100", null)));
            numbers.Add(int.Parse(issued.Number![^6..], System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal([numbers[0], numbers[0] + 1, numbers[0] + 2], numbers);
    }

    [Fact]
    public async Task MemberAboveThreshold_WaitsForManager_ThenIssued()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var manager = await factory.ActorAsync(World.LilleManager);
        var draft = await Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Tournée", "1", "C62", "8000", null)), member);
        var pending = await Sales.IssueAsync(factory, draft.Id, member);
        Assert.Equal(InvoiceStatus.PendingValidation, pending.Status);
        Assert.Null(pending.Number);

        var stranger = await factory.ActorAsync(World.ParisManager);
        var refused = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<ValidateInvoice>().HandleAsync(draft.Id, stranger)));
        Assert.Equal(InvoicingErrors.NotFound, refused.Error);
        var validated = await factory.InScopeAsync(s => s.GetRequiredService<ValidateInvoice>().HandleAsync(draft.Id, manager));
        Assert.Equal(InvoiceStatus.Issued, validated.Status);
    }

    [Fact]
    public async Task Payments_PartThenRest_LettersTheClientAccount_OverpaymentRefused()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Atelier", "2", "DAY", "350", null)));
        Assert.Equal(Money.Eur(84_000), issued.Totals.Gross);
        var before = await BudgetAsync(factory, world.LilleActivity);

        Task<InvoiceView> Pay(string amount) =>
            factory.InScopeAsync(s => s.GetRequiredService<RecordInvoicePayment>().HandleAsync(issued.Id, new PaymentInput(amount, TestDates.TodayText, "VIR SEPA"), Actor.System));
        var part = await Pay("300,00");
        Assert.Equal(InvoiceStatus.PartlyPaid, part.Status);
        Assert.Equal(Money.Eur(54_000), part.Remaining);
        var tooMuch = await Assert.ThrowsAsync<DomainException>(() => Pay("540,01"));
        Assert.Equal(InvoicingErrors.PaymentTooLarge, tooMuch.Error);
        var paid = await Pay("540");
        Assert.Equal(InvoiceStatus.Paid, paid.Status);

        // The activity's unpaid part goes back to zero for this invoice: 700.00 excl. VAT.
        var after = await BudgetAsync(factory, world.LilleActivity);
        Assert.Equal(before.InvoicedUnpaid - Money.Eur(70_000), after.InvoicedUnpaid);
        var fec = await factory.InScopeAsync(async s =>
        {
            var export = s.GetRequiredService<App.Modules.Ledger.Features.FecExport>();
            var file = await export.PrepareAsync("LNA", TestDates.Today.Year, Actor.System);
            using var buffer = new MemoryStream();
            await export.WriteAsync(file, buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        });
        var lettered = fec.Split('\n').Where(l => l.Contains(issued.Number!, StringComparison.Ordinal) && l.StartsWith("VT", StringComparison.Ordinal) || l.Contains($"Règlement {issued.Number}", StringComparison.Ordinal))
            .Where(l => l.Split('\t')[4] == "411").Select(l => l.Split('\t')[13]).Distinct().ToList();
        Assert.Single(lettered);
        Assert.NotEqual(string.Empty, lettered[0]);
    }

    [Fact]
    public async Task CreditNote_CancelsTheInvoice_BudgetRestored_SameSeries()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var before = await BudgetAsync(factory, world.LilleActivity);
        var issued = await Sales.IssuedAsync(factory, Sales.Draft(world.LilleActivity, client.Id, ("Création lumière", "1", "C62", "1200", null)));
        var note = await factory.InScopeAsync(s => s.GetRequiredService<CreditInvoice>().HandleAsync(issued.Id, "Erreur de client", Actor.System));
        Assert.Equal(InvoiceKind.CreditNote, note.Kind);
        Assert.Equal(issued.Number, note.CreditedInvoiceNumber);
        Assert.Equal(int.Parse(issued.Number![^6..], System.Globalization.CultureInfo.InvariantCulture) + 1, int.Parse(note.Number![^6..], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before, await BudgetAsync(factory, world.LilleActivity));
        var noteEntry = await CreditNoteEntryAsync(factory, note.Number!);   // the credit note's own entry, lettered with the invoice on the client's account
        Assert.Equal(("credit_note", true), (noteEntry.SourceType, noteEntry.ReversesTheInvoice));
        Assert.NotEqual("", Assert.Single(noteEntry.SharedLetters));
        var original = await factory.InScopeAsync(s => s.GetRequiredService<GetInvoice>().HandleAsync(issued.Id, Actor.System));
        Assert.Equal(InvoiceStatus.Credited, original.Status);
        var twice = await Assert.ThrowsAsync<DomainException>(() => factory.InScopeAsync(s => s.GetRequiredService<CreditInvoice>().HandleAsync(issued.Id, "encore", Actor.System)));
        Assert.Equal(InvoicingErrors.NotIssued, twice.Error);
    }

    [Fact]
    public async Task Draft_BadLines_AllMessagesAtOnce_NothingWritten()
    {
        var world = await OpenAsync(factory);
        var client = await Sales.FrenchClientAsync(factory);
        var error = await Assert.ThrowsAsync<InputValidationException>(() => Sales.DraftAsync(factory, Sales.Draft(world.LilleActivity, client.Id,
            ("", "0", "KGM", "-3", "FR_7")) with { PaymentTermsDays = 61 }));
        Assert.Contains("Ligne 1 : la désignation est obligatoire.", error.Errors["Lines[0].Description"]);
        Assert.Contains("Ligne 1 : la quantité est un nombre positif d'au plus quatre décimales.", error.Errors["Lines[0].Quantity"]);
        Assert.Contains("Lines[0].UnitPrice", error.Errors.Keys);
        Assert.Contains("Ligne 1 : l'unité est C62 (unité), HUR (heure) ou DAY (jour).", error.Errors["Lines[0].Unit"]);
        Assert.Contains("Ligne 1 : ce taux de TVA n'existe pas ou n'est pas en vigueur à cette date.", error.Errors["Lines[0].VatCode"]);
        Assert.StartsWith("Le délai de paiement va de 0 à 60 jours (art. L441-10 I du code de commerce", Assert.Single(error.Errors["PaymentTermsDays"]), StringComparison.Ordinal);
    }
}

public sealed class SqliteInvoiceTests(PartageFactory factory) : InvoiceTests<PartageFactory>(factory);

public sealed class PostgresInvoiceTests(PostgresFactory factory) : InvoiceTests<PostgresFactory>(factory);
