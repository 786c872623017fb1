using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record AccountDetailLine(DateOnly Date, string Journal, long Number, string Label, string PieceRef, string? AuxiliaryCode, Money Debit, Money Credit, Money RunningBalance);

public sealed record AccountDetail(string Entity, string Number, DateOnly From, DateOnly To, Money Opening, IReadOnlyList<AccountDetailLine> Lines, Money Closing);

/// <summary>The general ledger of one account over any period, with its opening balance (finance staff), and its CSV.</summary>
public sealed class GetAccountDetail(PartageDbContext db, LedgerEntities codes)
{
    public async Task<AccountDetail> HandleAsync(string entityCode, string number, string? from, string? to, Actor actor, CancellationToken ct = default)
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
        ledger.MapGet("/accounts/{number}/detail", async (string number, string? entity, string? from, string? to, GetAccountDetail reports, ActorAccessor actors, CancellationToken ct) =>
                await reports.HandleAsync(entity ?? string.Empty, number, from, to, await actors.GetAsync(ct), ct))
            .WithName("AccountDetail").WithSummary("Grand livre d'un compte sur une période").ProducesValidationProblem();
    }
}
