using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record AccountDetailLine(DateOnly Date, string Journal, long Number, string Label, string PieceRef, string? AuxiliaryCode, Money Debit, Money Credit, Money RunningBalance);

/// <summary>
/// The detail of an account over a period: <see cref="Lines"/> are one page of them (all of them for the CSV), each with
/// its running balance; <see cref="BroughtForward"/> is the balance before the page's first line (the opening balance on page 1).
/// </summary>
public sealed record AccountDetail(string Entity, string Number, DateOnly From, DateOnly To, Money Opening, IReadOnlyList<AccountDetailLine> Lines, Money Closing,
    int Page, int PageCount, int TotalLines, Money BroughtForward);

/// <summary>The general ledger of one account over any period, with its opening balance (finance staff), a page at a time, and its CSV.</summary>
public sealed class GetAccountDetail(PartageDbContext db, LedgerEntities codes)
{
    /// <summary>Lines per page: a busy client account (411) has thousands in a year; the CSV has them all.</summary>
    public const int LinesPerPage = 200;

    /// <summary>Every line of the period (the CSV, the checks).</summary>
    public Task<AccountDetail> HandleAsync(string entityCode, string number, string? from, string? to, Actor actor, CancellationToken ct = default) =>
        PageAsync(entityCode, number, from, to, null, int.MaxValue, actor, ct);

    /// <summary>
    /// One page of the period's lines, read from the database a page at a time: the balance brought forward to the page is
    /// summed there too, so a page of a 411 with thousands of lines costs the same as the first.
    /// </summary>
    public async Task<AccountDetail> PageAsync(string entityCode, string number, string? from, string? to, int? page, int pageSize, Actor actor, CancellationToken ct = default)
    {
        LedgerAccess.RequireBooks(actor);
        var (entity, start, end) = await codes.RangeAsync(entityCode, from, to, ct);
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
        var inPeriod = lines.Where(l => l.AccountingDate >= start && l.AccountingDate <= end);
        var total = await inPeriod.CountAsync(ct);
        var closing = opening + await inPeriod.SumAsync(l => l.Signed, ct);
        var size = Math.Max(1, pageSize);
        var pageCount = Math.Max(1, (int)(((long)total + size - 1) / size));
        var current = Math.Clamp(page ?? 1, 1, pageCount);
        var skip = (current - 1) * size;
        var ordered = inPeriod.OrderBy(l => l.AccountingDate).ThenBy(l => l.JournalCode).ThenBy(l => l.Number).ThenBy(l => l.LineNumber);
        var broughtForward = opening + (skip == 0 ? 0 : await ordered.Take(skip).SumAsync(l => l.Signed, ct));
        var rows = await ordered.Skip(skip).Take(size).ToListAsync(ct);
        var running = broughtForward;
        var detail = new List<AccountDetailLine>(rows.Count);
        foreach (var r in rows)
        {
            running += r.Signed;
            detail.Add(new AccountDetailLine(r.AccountingDate, r.JournalCode, r.Number, r.Label, r.PieceRef, r.AuxiliaryCode,
                Money.Eur(r.Side == Side.Debit ? r.Amount : 0), Money.Eur(r.Side == Side.Credit ? r.Amount : 0), Money.Eur(running)));
        }

        return new AccountDetail(entityCode.Trim().ToUpperInvariant(), number, start, end, Money.Eur(opening), detail, Money.Eur(closing), current, pageCount, total, Money.Eur(broughtForward));
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

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapGet("/accounts/{number}/detail", async (string number, string? entity, string? from, string? to, int? page, int? pageSize, GetAccountDetail reports, ActorAccessor actors, CancellationToken ct) =>
                await reports.PageAsync(entity ?? string.Empty, number, from, to, page, Math.Clamp(pageSize ?? LinesPerPage, 1, 1_000), await actors.GetAsync(ct), ct))
            .WithName("AccountDetail").WithSummary("Grand livre d'un compte sur une période, par pages (200 lignes par défaut, 1 000 au plus)").ProducesValidationProblem();
    }
}
