using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.LegalEntities;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Invoicing.Features;

public sealed record UnmatchedLine(Guid Id, string Entity, DateOnly BookingDate, Money Amount, Money Unmatched, string? DebtorName, string? CreditorReference, string? Remittance, string BankReference);

/// <summary>The receipts of the bank statements still (partly) waiting on the suspense account for finance to match, oldest first.</summary>
public sealed class ListUnmatchedBankLines(PartageDbContext db, ILegalEntitiesApi entities)
{
    public async Task<PagedResult<UnmatchedLine>> HandleAsync(PageRequest page, Actor actor, CancellationToken ct = default)
    {
        if (!InvoicingAccess.KeepsAccounts(actor))
        {
            throw new DomainException(InvoicingErrors.NotFound);
        }

        var codes = await entities.CodesAsync(ct);
        var rows = await Waiting().OrderBy(r => r.BookingDate).ThenBy(r => r.Id).ToPageAsync(page, ct);
        return new PagedResult<UnmatchedLine>(rows.Items.Select(r => r.View(codes)).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    /// <summary>One receipt still waiting, or null once wholly matched.</summary>
    internal async Task<UnmatchedLine?> FindAsync(Guid lineId, CancellationToken ct)
    {
        var row = await Waiting().SingleOrDefaultAsync(r => r.Id == lineId, ct);
        return row?.View(await entities.CodesAsync(ct));
    }

    private IQueryable<WaitingRow> Waiting() =>
        from l in db.Set<BankStatementLine>()
        join s in db.Set<BankStatement>() on l.StatementId equals s.Id
        where l.UnmatchedCents > 0
        select new WaitingRow
        {
            Id = l.Id, LegalEntityId = s.LegalEntityId, BookingDate = l.BookingDate, AmountCents = l.AmountCents, UnmatchedCents = l.UnmatchedCents,
            DebtorName = l.DebtorName, CreditorReference = l.CreditorReference, Remittance = l.Remittance, BankReference = l.BankReference,
        };

    /// <summary>A row set by member (not by constructor) so that the query may still be ordered and filtered on it.</summary>
    private sealed class WaitingRow
    {
        public Guid Id { get; init; }

        public LegalEntityId LegalEntityId { get; init; }

        public DateOnly BookingDate { get; init; }

        public long AmountCents { get; init; }

        public long UnmatchedCents { get; init; }

        public string? DebtorName { get; init; }

        public string? CreditorReference { get; init; }

        public string? Remittance { get; init; }

        public required string BankReference { get; init; }

        public UnmatchedLine View(IReadOnlyDictionary<LegalEntityId, string> codes) =>
            new(Id, codes[LegalEntityId], BookingDate, Money.Eur(AmountCents), Money.Eur(UnmatchedCents), DebtorName, CreditorReference, Remittance, BankReference);
    }


    public static void Map(RouteGroupBuilder statements)
    {
        statements.MapGet("/unmatched", async (int? page, int? pageSize, ListUnmatchedBankLines handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new Infrastructure.PageRequest(page, pageSize), await actors.GetAsync(ct), ct))
            .WithName("UnmatchedBankLines").WithSummary("Encaissements à identifier (finance)").ProducesProblems();
    }
}
