using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure.Database;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record StatementImport(string StatementId, bool AlreadyImported, int Credits, int Matched, int PartlyMatched, int Unmatched, int Ignored, Money Total);

/// <summary>
/// Bank statements in, invoices settled: each booked credit is matched by the RF reference printed
/// on the invoice, failing that by the invoice numbers written in the remittance text (one transfer
/// may pay several invoices, in the order written), the employers' pay-period invoices of the
/// contract-management service the same way; what is left — overpayment or unknown payer —
/// is booked to the suspense account (471) and waits in a queue for finance to match by hand.
/// The same statement imported twice changes nothing.
/// </summary>
public sealed class ImportBankStatement(
    PartageDbContext db, InvoiceSettlement settlement, ILedgerApi ledger, ILegalEntitiesApi entities, IReceivableSource receivables, IAuditLog audit, IOptions<InvoicingOptions> options, TimeProvider clock)
{
    public async Task<StatementImport> HandleAsync(string? entityCode, Stream file, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var entity = (await entities.ListAsync(ct)).FirstOrDefault(e => string.Equals(e.Code, entityCode?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new InputValidationException(new Dictionary<string, string[]> { ["Entity"] = ["Entité inconnue (SCIC, LNA ou GE)."] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        var camt = Camt053.Read(buffer);
        var expected = options.Value.Iban.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (!string.Equals(camt.Iban, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = [$"Ce relevé concerne le compte {camt.Iban}, pas celui de la coopérative ({expected})."] });
        }

        var existing = await SummaryAsync(entity.Id, camt.StatementId, camt.IgnoredEntries, ct);
        if (existing is not null)
        {
            return existing;
        }

        var statement = new BankStatement
        {
            Id = Guid.CreateVersion7(), LegalEntityId = entity.Id, StatementId = camt.StatementId, MessageId = camt.MessageId, Version = camt.Version, Iban = camt.Iban,
            FileSha256 = Convert.ToHexString(SHA256.HashData(buffer.ToArray())), ImportedAt = clock.GetUtcNow().UtcDateTime, ImportedBy = actor.Name,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(statement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same statement imported at the same moment by someone else: theirs stands.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return await SummaryAsync(entity.Id, camt.StatementId, camt.IgnoredEntries, ct) ?? throw new InvalidOperationException("The statement that won is gone.");
        }

        await SettleCreditsAsync(entity.Id, statement, camt, actor, ct);
        audit.Record(actor, "invoicing.statement_imported", "bank_statement", statement.Id.ToString(), null,
            new { camt.StatementId, camt.Version, Credits = camt.Credits.Count, statement.FileSha256 });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var summary = await SummaryAsync(entity.Id, camt.StatementId, camt.IgnoredEntries, ct) ?? throw new InvalidOperationException("The imported statement is gone.");
        return summary with { AlreadyImported = false };
    }

    /// <summary>
    /// Every credit of the statement settled on what it pays, a thousand at a time: each chunk's lines
    /// and its suspense entries saved together, then let go of, so that the unit of work stays small.
    /// </summary>
    private async Task SettleCreditsAsync(LegalEntityId entity, BankStatement statement, CamtStatement camt, Actor actor, CancellationToken ct)
    {
        // What the unit of work already holds unchanged (an invoice issued just before) is let go first.
        Forget();
        var open = await OpenItemsAsync(entity, ct);
        var chunkNumber = 0;
        foreach (var chunk in camt.Credits.Chunk(1_000))
        {
            chunkNumber++;
            var lines = new List<BankStatementLine>(chunk.Length);
            foreach (var credit in chunk)
            {
                var left = await SettleAsync(credit, open, actor, ct);
                lines.Add(new BankStatementLine
                {
                    Id = Guid.CreateVersion7(), StatementId = statement.Id, Position = credit.Position, BankReference = credit.BankReference, BookingDate = credit.BookingDate,
                    AmountCents = credit.AmountCents, DebtorName = credit.DebtorName, CreditorReference = credit.CreditorReference, Remittance = credit.Remittance,
                    UnmatchedCents = left.Cents,
                    Status = left.IsZero ? BankLineStatus.Matched : left.Cents == credit.AmountCents ? BankLineStatus.Unmatched : BankLineStatus.PartlyMatched,
                });
            }

            await PostSuspenseAsync(entity, statement, camt.StatementId, chunkNumber, lines.Where(l => l.UnmatchedCents > 0).ToList(), actor, ct);
            db.AddRange(lines);
            await db.SaveChangesAsync(ct);
            Forget();
        }
    }

    /// <summary>The open invoices of the entity, clients' and employers', by RF reference and by number.</summary>
    private sealed record OpenItems(
        Dictionary<string, Invoice> ByReference, Dictionary<string, Invoice> ByNumber,
        Dictionary<string, Receivable> EmployerByReference, Dictionary<string, Receivable> EmployerByNumber, Dictionary<Guid, Money> EmployerDue);

    /// <summary>
    /// Open invoices are read once; a statement of 100,000 credits must not cost 100,000 lookups.
    /// Read untracked: each invoice is attached only while it is settled, so that the change
    /// tracker stays small (every save scans it) however many invoices the statement pays.
    /// </summary>
    private async Task<OpenItems> OpenItemsAsync(LegalEntityId entity, CancellationToken ct)
    {
        var open = await db.Set<Invoice>().AsNoTracking().Include(i => i.Payments).AsSplitQuery()
            .Where(i => i.LegalEntityId == entity && i.Kind == InvoiceKind.Invoice
                && InvoiceStatuses.Payable.Contains(i.Status))
            .ToListAsync(ct);
        var employerInvoices = await receivables.OpenAsync(entity, ct);
        return new OpenItems(
            open.Where(i => i.PaymentReference is not null).ToDictionary(i => i.PaymentReference!, StringComparer.OrdinalIgnoreCase),
            open.ToDictionary(i => i.Number!, StringComparer.OrdinalIgnoreCase),
            employerInvoices.ToDictionary(r => r.PaymentReference, StringComparer.OrdinalIgnoreCase),
            employerInvoices.ToDictionary(r => r.Number, StringComparer.OrdinalIgnoreCase),
            employerInvoices.ToDictionary(r => r.Id, r => r.Remaining));
    }

    /// <summary>One credit settled on the clients' invoices it pays, then on the employers'; returns what is left unmatched.</summary>
    private async Task<Money> SettleAsync(CamtCredit credit, OpenItems open, Actor actor, CancellationToken ct)
    {
        var label = $"{credit.BankReference} {credit.DebtorName}".Trim();
        var left = await SpreadAsync(Money.Eur(credit.AmountCents), Candidates(credit, open.ByReference, open.ByNumber), i => i.Remaining, async (invoice, paid) =>
        {
            db.Attach(invoice);
            await settlement.SettleAsync(invoice, paid, credit.BookingDate, label, ChartOfAccounts.Bank, actor, ct);
            Forget();
        });
        return left.IsZero ? left : await SpreadAsync(left, Candidates(credit, open.EmployerByReference, open.EmployerByNumber), r => open.EmployerDue[r.Id], async (receivable, paid) =>
        {
            await receivables.SettleAsync(receivable.Id, paid, credit.BookingDate, ChartOfAccounts.Bank, label, actor, ct);
            Forget();
            open.EmployerDue[receivable.Id] -= paid;
        });
    }

    /// <summary>
    /// What waits goes to the suspense account: one entry per chunk and booking day (the bank
    /// debited once, 471 credited per receipt, each line labelled with its payer), so that a
    /// statement of 100,000 credits is a hundred entries, not 100,000.
    /// </summary>
    private async Task PostSuspenseAsync(LegalEntityId entity, BankStatement statement, string statementId, int chunkNumber, List<BankStatementLine> waiting, Actor actor, CancellationToken ct)
    {
        if (waiting.Count == 0)
        {
            return;
        }

        var bank = await ledger.AccountAsync(entity, ChartOfAccounts.Bank, ct);
        var suspense = await ledger.AccountAsync(entity, ChartOfAccounts.Suspense, ct);
        foreach (var day in waiting.GroupBy(w => w.BookingDate))
        {
            var total = day.Select(w => w.Unmatched).Sum(Currency.Eur);
            var postings = day.Select(w => new PostingLine(suspense, Side.Credit, w.Unmatched, null, Text.Cut($"{w.DebtorName ?? w.BankReference} — {w.BankReference}", 200)))
                .Prepend(new PostingLine(bank, Side.Debit, total, null, $"Relevé {statementId}")).ToList();
            var batch = await ledger.PostAsync(new PostEntryRequest(
                entity, "BQ", day.Key, $"Encaissements à identifier — relevé {statementId} ({chunkNumber})", "bank_statement",
                statement.Id.ToString(), $"bank-statement:{statement.Id}:suspense:{chunkNumber}:{day.Key:yyyyMMdd}", postings, Text.Cut(statementId, 60)), actor, ct);
            foreach (var line in day)
            {
                line.SuspenseEntryId = batch.Id;
            }
        }
    }

    /// <summary>Everything saved leaves the change tracker (the statement row stays: it is saved last with the audit).</summary>
    private void Forget()
    {
        foreach (var tracked in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && e.Entity is not BankStatement).ToList())
        {
            tracked.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// What a credit pays of one kind of open invoice (the clients', the employers'): the one its
    /// RF reference names, else those whose numbers its remittance text cites, in the order cited.
    /// </summary>
    private static List<T> Candidates<T>(CamtCredit credit, Dictionary<string, T> byReference, Dictionary<string, T> byNumber)
        where T : class
    {
        if (credit.CreditorReference is { } rf && CreditorReference.IsValid(rf) && byReference.TryGetValue(rf, out var referenced))
        {
            return [referenced];
        }

        // A number is a prefix of one or more parts, the year and six digits; text glued before it
        // ("FACTURE-SCIC-2026-000001") is dropped part by part until a known number is left.
        return Regex.Matches(credit.Remittance ?? string.Empty, @"[A-Z]+(?:-[A-Z]+)*-\d{4}-\d{6}\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1))
            .Select(m => Suffixes(m.Value).Select(n => byNumber.GetValueOrDefault(n)).FirstOrDefault(i => i is not null))
            .OfType<T>().Distinct().ToList();
    }

    /// <summary>Spreads what is left of a credit over the invoices it pays, in order, each up to what it still owes; returns what is still left.</summary>
    private static async Task<Money> SpreadAsync<T>(Money left, IEnumerable<T> invoices, Func<T, Money> owed, Func<T, Money, Task> settle)
    {
        foreach (var invoice in invoices)
        {
            var due = owed(invoice);
            if (left.IsZero)
            {
                break;
            }

            if (due.IsZero)
            {
                continue;
            }

            var paid = left < due ? left : due;
            await settle(invoice, paid);
            left -= paid;
        }

        return left;
    }

    private static IEnumerable<string> Suffixes(string number)
    {
        for (var at = 0; at >= 0 && number.Length - at > 12; at = number.IndexOf('-', at) is var dash and >= 0 ? dash + 1 : -1)
        {
            yield return number[at..];
        }
    }

    private async Task<StatementImport?> SummaryAsync(LegalEntityId entity, string statementId, int ignored, CancellationToken ct)
    {
        var statement = await db.Set<BankStatement>().AsNoTracking().Include(s => s.Lines).SingleOrDefaultAsync(s => s.LegalEntityId == entity && s.StatementId == statementId, ct);
        return statement is null ? null : new StatementImport(
            statement.StatementId, true, statement.Lines.Count, statement.Lines.Count(l => l.Status == BankLineStatus.Matched),
            statement.Lines.Count(l => l.Status == BankLineStatus.PartlyMatched), statement.Lines.Count(l => l.Status == BankLineStatus.Unmatched), ignored,
            Money.Eur(statement.Lines.Sum(l => l.AmountCents)));
    }

    public static void Map(RouteGroupBuilder statements)
    {
        statements.MapPost("/", async (HttpRequest request, ImportBankStatement handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                if (!InvoicingAccess.KeepsAccounts(actor))
                {
                    throw new DomainException(InvoicingErrors.NotFound);
                }

                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var file = form?.Files.GetFile("file")
                    ?? throw new InputValidationException(new Dictionary<string, string[]> { ["File"] = ["Joignez le relevé camt.053 (champ « file »)."] });
                await using var stream = file.OpenReadStream();
                return await handler.HandleAsync(form["entity"], stream, actor, ct);
            })
            .DisableAntiforgery()
            .WithName("ImportBankStatement").WithSummary("Importer un relevé camt.053 (.001.02 ou .001.08) : rapprochement des paiements (finance)").ProducesProblems();
    }
}
