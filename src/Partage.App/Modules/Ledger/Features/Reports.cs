using System.Globalization;
using Microsoft.EntityFrameworkCore;
using CsvHelper;
using CsvHelper.Configuration;
using Partage.App.Infrastructure;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record TrialBalanceRow(string Number, string? AuxiliaryCode, string Label, Money Debit, Money Credit)
{
    public Money Balance => Debit - Credit;
}

public sealed record TrialBalance(string Entity, DateOnly From, DateOnly To, IReadOnlyList<TrialBalanceRow> Rows)
{
    public Money TotalDebit => Rows.Select(r => r.Debit).Sum(Currency.Eur);

    public Money TotalCredit => Rows.Select(r => r.Credit).Sum(Currency.Eur);
}

public sealed record AccountDetailLine(DateOnly Date, string Journal, long Number, string Label, string PieceRef, string? AuxiliaryCode, Money Debit, Money Credit, Money RunningBalance);

public sealed record AccountDetail(string Entity, string Number, DateOnly From, DateOnly To, Money Opening, IReadOnlyList<AccountDetailLine> Lines, Money Closing);

public sealed record BookCheck(int Entries, int UnbalancedEntries, int EntriesWithFewerThanTwoLines, long TotalDebitCents, long TotalCreditCents, IReadOnlyList<string> Problems)
{
    public bool IsBalanced => UnbalancedEntries == 0 && EntriesWithFewerThanTwoLines == 0 && TotalDebitCents == TotalCreditCents;
}

/// <summary>Finance reports over any period, per entity: trial balance, account detail (general ledger), and the book check.</summary>
public sealed class LedgerReports(PartageDbContext db, FiscalPeriods periods)
{
    public async Task<TrialBalance> TrialBalanceAsync(string entityCode, string? from, string? to, Actor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        var (entity, start, end) = await RangeAsync(entityCode, from, to, ct);
        var rows = await (
                from p in db.Set<Posting>()
                join e in db.Set<JournalEntry>() on p.EntryId equals e.Id
                where e.LegalEntityId == entity && e.AccountingDate >= start && e.AccountingDate <= end
                group p by new { p.AccountId, p.Side } into g
                select new { g.Key.AccountId, g.Key.Side, Total = g.Sum(x => x.Amount) })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.AccountId).Distinct().ToList();
        var accounts = await db.Set<LedgerAccount>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var balance = rows.GroupBy(r => r.AccountId).Select(g =>
            {
                var a = accounts[g.Key];
                return new TrialBalanceRow(a.Number, a.AuxiliaryCode, a.AuxiliaryLabel ?? a.Label,
                    Money.Eur(g.Where(r => r.Side == Side.Debit).Sum(r => r.Total)), Money.Eur(g.Where(r => r.Side == Side.Credit).Sum(r => r.Total)));
            })
            .OrderBy(r => r.Number, StringComparer.Ordinal).ThenBy(r => r.AuxiliaryCode, StringComparer.Ordinal)
            .ToList();
        return new TrialBalance(entityCode.Trim().ToUpperInvariant(), start, end, balance);
    }

    public async Task<AccountDetail> AccountDetailAsync(string entityCode, string number, string? from, string? to, Actor actor, CancellationToken ct = default)
    {
        Authorize(actor);
        var (entity, start, end) = await RangeAsync(entityCode, from, to, ct);
        if (!await db.Set<LedgerAccount>().AnyAsync(a => a.LegalEntityId == entity && a.Number == number, ct))
        {
            throw new DomainException(LedgerErrors.UnknownAccount, $"Le compte « {number} » n'existe pas pour {entityCode.Trim().ToUpperInvariant()}.");
        }

        var lines =
            from p in db.Set<Posting>()
            join e in db.Set<JournalEntry>() on p.EntryId equals e.Id
            join a in db.Set<LedgerAccount>() on p.AccountId equals a.Id
            where e.LegalEntityId == entity && a.Number == number
            select new { e.AccountingDate, e.JournalCode, e.Number, Label = p.Label ?? e.Label, e.PieceRef, a.AuxiliaryCode, p.LineNumber, p.Side, p.Amount, Signed = p.Side == Side.Debit ? p.Amount : -p.Amount };
        var opening = await lines.Where(l => l.AccountingDate < start).SumAsync(l => l.Signed, ct);
        var rows = await lines.Where(l => l.AccountingDate >= start && l.AccountingDate <= end)
            .OrderBy(l => l.AccountingDate).ThenBy(l => l.JournalCode).ThenBy(l => l.Number).ThenBy(l => l.LineNumber).ToListAsync(ct);
        var running = opening;
        var detail = new List<AccountDetailLine>(rows.Count);
        foreach (var r in rows)
        {
            running += r.Signed;
            detail.Add(new AccountDetailLine(r.AccountingDate, r.JournalCode, r.Number, r.Label, r.PieceRef, r.AuxiliaryCode,
                Money.Eur(r.Side == Side.Debit ? r.Amount : 0), Money.Eur(r.Side == Side.Credit ? r.Amount : 0), Money.Eur(running)));
        }

        return new AccountDetail(entityCode.Trim().ToUpperInvariant(), number, start, end, Money.Eur(opening), detail, Money.Eur(running));
    }

    /// <summary>Every entry balanced with at least two lines, and the whole book balanced, per entity or for all.</summary>
    public async Task<BookCheck> CheckAsync(string? entityCode, CancellationToken ct = default)
    {
        var entity = entityCode is null ? (LegalEntityId?)null : await periods.EntityAsync(entityCode, ct);
        var entries = db.Set<JournalEntry>().Where(e => entity == null || e.LegalEntityId == entity);
        var postings = from p in db.Set<Posting>() join e in entries on p.EntryId equals e.Id select p;
        // Only the faulty entries leave the database: a large book is checked without loading it.
        var faulty = await postings
            .GroupBy(p => p.EntryId)
            .Select(g => new
            {
                EntryId = g.Key, Lines = g.Count(),
                Debit = g.Sum(x => x.Side == Side.Debit ? x.Amount : 0), Credit = g.Sum(x => x.Side == Side.Credit ? x.Amount : 0),
            })
            .Where(g => g.Debit != g.Credit || g.Lines < 2)
            .ToListAsync(ct);
        var named = faulty.Take(50).Select(f => f.EntryId).ToList();
        var names = await entries.Where(e => named.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => $"{e.JournalCode}-{e.Number}", ct);
        var withoutLines = await entries.CountAsync(e => !e.Postings.Any(), ct);
        var totalDebit = await postings.Where(p => p.Side == Side.Debit).SumAsync(p => p.Amount, ct);
        var totalCredit = await postings.Where(p => p.Side == Side.Credit).SumAsync(p => p.Amount, ct);
        var unbalanced = faulty.Where(e => e.Debit != e.Credit).ToList();
        var problems = unbalanced.Where(e => names.ContainsKey(e.EntryId))
            .Select(e => $"{names[e.EntryId]} : débit {Money.Eur(e.Debit)} ≠ crédit {Money.Eur(e.Credit)}").ToList();
        return new BookCheck(await entries.CountAsync(ct), unbalanced.Count, faulty.Count(e => e.Lines < 2) + withoutLines, totalDebit, totalCredit, problems);
    }

    public static Task WriteCsvAsync(TrialBalance balance, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return SpreadsheetCsv.WriteAsync(output, ["compte", "compte_auxiliaire", "libelle", "debit", "credit", "solde"],
            balance.Rows.Select(r => new[] { r.Number, r.AuxiliaryCode, r.Label, SpreadsheetCsv.Amount(r.Debit), SpreadsheetCsv.Amount(r.Credit), SpreadsheetCsv.Amount(r.Balance) }), ct);
    }

    public static Task WriteCsvAsync(AccountDetail detail, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(detail);
        string?[] Row(string date, string journal, string label, string? piece, string? auxiliary, Money debit, Money credit, Money balance) =>
            [date, journal, label, piece, auxiliary, SpreadsheetCsv.Amount(debit), SpreadsheetCsv.Amount(credit), SpreadsheetCsv.Amount(balance)];
        var zero = Money.ZeroEur;
        var rows = detail.Lines.Select(l => Row(SpreadsheetCsv.Date(l.Date), $"{l.Journal}-{l.Number}", l.Label, l.PieceRef, l.AuxiliaryCode, l.Debit, l.Credit, l.RunningBalance))
            .Prepend(Row(SpreadsheetCsv.Date(detail.From), string.Empty, "Solde d'ouverture", null, null, zero, zero, detail.Opening));
        return SpreadsheetCsv.WriteAsync(output, ["date", "ecriture", "libelle", "piece", "compte_auxiliaire", "debit", "credit", "solde"], rows, ct);
    }

    private async Task<(LegalEntityId Entity, DateOnly From, DateOnly To)> RangeAsync(string entityCode, string? from, string? to, CancellationToken ct)
    {
        var v = new Validation();
        var start = v.Date("From", "La date de début", from, required: true);
        var end = v.Date("To", "La date de fin", to, required: true);
        if (start > end)
        {
            v.Add("To", "La date de fin précède la date de début.");
        }

        v.ThrowIfInvalid();
        return (await periods.EntityAsync(entityCode ?? string.Empty, ct), start!.Value, end!.Value);
    }

    private static void Authorize(Actor actor)
    {
        if (!LedgerAccess.KeepsTheBooks(actor))
        {
            throw new DomainException(LedgerErrors.NotFound);
        }
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/trial-balance", async (string? entity, string? from, string? to, LedgerReports reports, ActorAccessor actors, CancellationToken ct) =>
                await reports.TrialBalanceAsync(entity ?? string.Empty, from, to, await actors.GetAsync(ct), ct))
            .WithName("TrialBalance").WithSummary("Balance générale d'une période").ProducesValidationProblem();
        ledger.MapGet("/trial-balance.csv", async (string? entity, string? from, string? to, LedgerReports reports, ActorAccessor actors, HttpContext http, CancellationToken ct) =>
            {
                var balance = await reports.TrialBalanceAsync(entity ?? string.Empty, from, to, await actors.GetAsync(ct), ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=balance-{balance.Entity}-{balance.From:yyyyMMdd}-{balance.To:yyyyMMdd}.csv";
                await LedgerReports.WriteCsvAsync(balance, http.Response.Body, ct);
            })
            .WithName("TrialBalanceCsv").WithSummary("Balance générale en CSV");
        ledger.MapGet("/accounts/{number}/detail", async (string number, string? entity, string? from, string? to, LedgerReports reports, ActorAccessor actors, CancellationToken ct) =>
                await reports.AccountDetailAsync(entity ?? string.Empty, number, from, to, await actors.GetAsync(ct), ct))
            .WithName("AccountDetail").WithSummary("Grand livre d'un compte sur une période").ProducesValidationProblem();
        ledger.MapGet("/check", async (string? entity, LedgerReports reports, ActorAccessor actors, CancellationToken ct) =>
            {
                LedgerAccess.RequireBooks(await actors.GetAsync(ct));
                return await reports.CheckAsync(entity, ct);
            })
            .WithName("CheckBooks").WithSummary("Contrôle d'équilibre de chaque écriture et du livre");
    }
}
