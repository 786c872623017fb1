using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Partage.App.Infrastructure;
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

public sealed record UnmatchedLine(Guid Id, string Entity, DateOnly BookingDate, Money Amount, Money Unmatched, string? DebtorName, string? CreditorReference, string? Remittance, string BankReference);

public sealed record MatchInput(string? InvoiceNumber, string? Amount);

/// <summary>
/// Bank statements in, invoices settled: each booked credit is matched by the RF reference printed
/// on the invoice, failing that by the invoice numbers written in the remittance text (one transfer
/// may pay several invoices, in the order written), the employers' pay-period invoices of the
/// contract-management service the same way; what is left — overpayment or unknown payer —
/// is booked to the suspense account (471) and waits in a queue for finance to match by hand.
/// The same statement imported twice changes nothing.
/// </summary>
public sealed class BankStatements(
    PartageDbContext db, InvoiceSettlement settlement, ILedgerApi ledger, ILegalEntitiesApi entities, IReceivableSource receivables, IAuditLog audit, IOptions<InvoicingOptions> options, TimeProvider clock)
{
    public async Task<StatementImport> ImportAsync(string? entityCode, Stream file, Actor actor, CancellationToken ct = default)
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

        // Open invoices are read once; a statement of 100,000 credits must not cost 100,000 lookups.
        // Read untracked: each invoice is attached only while it is settled, so that the change
        // tracker stays small (every save scans it) however many invoices the statement pays.
        // What the unit of work already holds unchanged (an invoice issued just before) is let go first.
        Forget();
        var open = await db.Set<Invoice>().AsNoTracking().Include(i => i.Payments).AsSplitQuery()
            .Where(i => i.LegalEntityId == entity.Id && i.Kind == InvoiceKind.Invoice
                && InvoiceStatuses.Payable.Contains(i.Status))
            .ToListAsync(ct);
        var byReference = open.Where(i => i.PaymentReference is not null).ToDictionary(i => i.PaymentReference!, StringComparer.OrdinalIgnoreCase);
        var byNumber = open.ToDictionary(i => i.Number!, StringComparer.OrdinalIgnoreCase);
        var employerInvoices = await receivables.OpenAsync(entity.Id, ct);
        var employerByReference = employerInvoices.ToDictionary(r => r.PaymentReference, StringComparer.OrdinalIgnoreCase);
        var employerByNumber = employerInvoices.ToDictionary(r => r.Number, StringComparer.OrdinalIgnoreCase);
        var employerDue = employerInvoices.ToDictionary(r => r.Id, r => r.Remaining);
        var bank = await ledger.AccountAsync(entity.Id, ChartOfAccounts.Bank, ct);
        var suspenseAccount = await ledger.AccountAsync(entity.Id, ChartOfAccounts.Suspense, ct);
        var waiting = new List<(BankStatementLine Line, Money Amount)>();
        var chunkNumber = 0;
        foreach (var chunk in camt.Credits.Chunk(1_000))
        {
            chunkNumber++;
            var lines = new List<BankStatementLine>(chunk.Length);
            foreach (var credit in chunk)
            {
                var line = new BankStatementLine
                {
                    Id = Guid.CreateVersion7(), StatementId = statement.Id, Position = credit.Position, BankReference = credit.BankReference, BookingDate = credit.BookingDate,
                    AmountCents = credit.AmountCents, DebtorName = credit.DebtorName, CreditorReference = credit.CreditorReference, Remittance = credit.Remittance,
                };
                lines.Add(line);
                var label = $"{credit.BankReference} {credit.DebtorName}".Trim();
                var left = await SpreadAsync(Money.Eur(credit.AmountCents), Candidates(credit, byReference, byNumber), i => i.Remaining, async (invoice, paid) =>
                {
                    db.Attach(invoice);
                    await settlement.SettleAsync(invoice, paid, credit.BookingDate, label, ChartOfAccounts.Bank, actor, ct);
                    Forget();
                });
                left = left.IsZero ? left : await SpreadAsync(left, Candidates(credit, employerByReference, employerByNumber), r => employerDue[r.Id], async (receivable, paid) =>
                {
                    await receivables.SettleAsync(receivable.Id, paid, credit.BookingDate, ChartOfAccounts.Bank, label, actor, ct);
                    Forget();
                    employerDue[receivable.Id] -= paid;
                });

                line.UnmatchedCents = left.Cents;
                line.Status = left.IsZero ? BankLineStatus.Matched : left.Cents == credit.AmountCents ? BankLineStatus.Unmatched : BankLineStatus.PartlyMatched;
                if (!left.IsZero)
                {
                    waiting.Add((line, left));
                }
            }

            // What waits goes to the suspense account: one entry per chunk and booking day (the bank
            // debited once, 471 credited per receipt, each line labelled with its payer), so that a
            // statement of 100,000 credits is a hundred entries, not 100,000.
            foreach (var day in waiting.GroupBy(w => w.Line.BookingDate))
            {
                var total = day.Select(w => w.Amount).Sum(Currency.Eur);
                var postings = day.Select(w => new PostingLine(suspenseAccount, Side.Credit, w.Amount, null, Text.Cut($"{w.Line.DebtorName ?? w.Line.BankReference} — {w.Line.BankReference}", 200)))
                    .Prepend(new PostingLine(bank, Side.Debit, total, null, $"Relevé {camt.StatementId}")).ToList();
                var batch = await ledger.PostAsync(new PostEntryRequest(
                    entity.Id, "BQ", day.Key, $"Encaissements à identifier — relevé {camt.StatementId} ({chunkNumber})", "bank_statement",
                    statement.Id.ToString(), $"bank-statement:{statement.Id}:suspense:{chunkNumber}:{day.Key:yyyyMMdd}", postings, Text.Cut(camt.StatementId, 60)), actor, ct);
                foreach (var (line, _) in day)
                {
                    line.SuspenseEntryId = batch.Id;
                }
            }

            waiting.Clear();
            db.AddRange(lines);
            await db.SaveChangesAsync(ct);
            Forget();
        }

        audit.Record(actor, "invoicing.statement_imported", "bank_statement", statement.Id.ToString(), null,
            new { camt.StatementId, camt.Version, Credits = camt.Credits.Count, statement.FileSha256 });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        var summary = await SummaryAsync(entity.Id, camt.StatementId, camt.IgnoredEntries, ct) ?? throw new InvalidOperationException("The imported statement is gone.");
        return summary with { AlreadyImported = false };
    }

    public async Task<PagedResult<UnmatchedLine>> UnmatchedAsync(PageRequest page, Actor actor, CancellationToken ct = default)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var codes = (await entities.ListAsync(ct)).ToDictionary(e => e.Id, e => e.Code);
        var rows = await (
                from l in db.Set<BankStatementLine>()
                join s in db.Set<BankStatement>() on l.StatementId equals s.Id
                where l.UnmatchedCents > 0
                orderby l.BookingDate, l.Id
                select new { l.Id, s.LegalEntityId, l.BookingDate, l.AmountCents, l.UnmatchedCents, l.DebtorName, l.CreditorReference, l.Remittance, l.BankReference })
            .ToPageAsync(page, ct);
        return new PagedResult<UnmatchedLine>(
            rows.Items.Select(r => new UnmatchedLine(r.Id, codes[r.LegalEntityId], r.BookingDate, Money.Eur(r.AmountCents), Money.Eur(r.UnmatchedCents), r.DebtorName, r.CreditorReference, r.Remittance, r.BankReference)).ToList(),
            rows.Page, rows.PageSize, rows.Total);
    }

    /// <summary>Everything saved leaves the change tracker (the statement row stays: it is saved last with the audit).</summary>
    private void Forget()
    {
        foreach (var tracked in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Unchanged && e.Entity is not BankStatement).ToList())
        {
            tracked.State = EntityState.Detached;
        }
    }

    /// <summary>Finance matches (part of) a waiting receipt to an invoice: the amount moves from the suspense account to the client's.</summary>
    public async Task<UnmatchedLine?> MatchAsync(Guid lineId, MatchInput input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var line = await db.Set<BankStatementLine>().SingleOrDefaultAsync(l => l.Id == lineId && l.UnmatchedCents > 0, ct) ?? throw new DomainException(InvoicingErrors.LineNotFound);
        var entity = await db.Set<BankStatement>().Where(s => s.Id == line.StatementId).Select(s => s.LegalEntityId).SingleAsync(ct);
        var v = new Validation();
        var number = v.Required(nameof(input.InvoiceNumber), "Le numéro de facture", input.InvoiceNumber, 35);
        var amount = v.Amount(nameof(input.Amount), "Le montant", input.Amount, required: false);
        v.ThrowIfInvalid();
        var invoice = await db.Set<Invoice>().Include(i => i.Payments)
            .SingleOrDefaultAsync(i => i.LegalEntityId == entity && i.Number == number && i.Kind == InvoiceKind.Invoice, ct);
        var receivable = invoice is not null ? null
            : (await receivables.OpenAsync(entity, ct)).FirstOrDefault(r => string.Equals(r.Number, number, StringComparison.OrdinalIgnoreCase));
        if ((invoice is null || !InvoiceStatuses.Payable.Contains(invoice.Status)) && receivable is null)
        {
            throw new InputValidationException(new Dictionary<string, string[]> { [nameof(input.InvoiceNumber)] = [$"Aucune facture « {number} » à encaisser dans cette entité."] });
        }

        var remaining = receivable?.Remaining ?? invoice!.Remaining;
        var paid = amount ?? (line.Unmatched < remaining ? line.Unmatched : remaining);
        if (paid > line.Unmatched || paid > remaining)
        {
            throw new DomainException(InvoicingErrors.PaymentTooLarge,
                $"Le montant ({paid.ToDisplayString()}) dépasse ce qui reste à affecter ({line.Unmatched.ToDisplayString()}) ou le reste dû de la facture ({remaining.ToDisplayString()}).");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var today = clock.Today();
        var label = $"{line.BankReference} (rapprochement manuel)";
        if (receivable is not null)
        {
            await receivables.SettleAsync(receivable.Id, paid, today, ChartOfAccounts.Suspense, label, actor, ct);
        }
        else
        {
            await settlement.SettleAsync(invoice!, paid, today, label, ChartOfAccounts.Suspense, actor, ct);
        }

        line.UnmatchedCents -= paid.Cents;
        line.Status = line.UnmatchedCents == 0 ? BankLineStatus.Matched : BankLineStatus.PartlyMatched;
        audit.Record(actor, "invoicing.statement_line_matched", "bank_statement_line", line.Id.ToString(), null, new { Number = receivable?.Number ?? invoice!.Number, AmountCents = paid.Cents });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return line.UnmatchedCents == 0 ? null : (await UnmatchedAsync(new PageRequest(1, PageRequest.MaxSize), actor, ct)).Items.FirstOrDefault(l => l.Id == line.Id);
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
        statements.MapPost("/", async (HttpRequest request, Features.BankStatements bank, ActorAccessor actors, CancellationToken ct) =>
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
                return await bank.ImportAsync(form["entity"], stream, actor, ct);
            })
            .DisableAntiforgery()
            .WithName("ImportBankStatement").WithSummary("Importer un relevé camt.053 (.001.02 ou .001.08) : rapprochement des paiements (finance)").ProducesProblems();
        statements.MapGet("/unmatched", async (int? page, int? size, Features.BankStatements bank, ActorAccessor actors, CancellationToken ct) =>
                await bank.UnmatchedAsync(new Infrastructure.PageRequest(page, size), await actors.GetAsync(ct), ct))
            .WithName("UnmatchedBankLines").WithSummary("Encaissements à identifier (finance)").ProducesProblems();
        statements.MapPost("/lines/{id:guid}/match", async (Guid id, Features.MatchInput input, Features.BankStatements bank, ActorAccessor actors, CancellationToken ct) =>
            {
                await bank.MatchAsync(id, input, await actors.GetAsync(ct), ct);
                return TypedResults.NoContent();
            })
            .WithName("MatchBankLine").WithSummary("Affecter un encaissement à une facture (finance)").ProducesProblems();
    }
}
