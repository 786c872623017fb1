using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger.Features;

/// <summary>One journal entry with its postings, for finance (404 for anyone else).</summary>
public sealed class GetEntry(ILedgerApi ledger)
{
    public async Task<EntryView> HandleAsync(EntryId id, Actor actor, CancellationToken ct = default)
    {
        LedgerAccess.RequireBooks(actor);
        return await ledger.FindEntryAsync(id, ct) ?? throw new DomainException(LedgerErrors.EntryNotFound);
    }

    public static void Map(RouteGroupBuilder ledger) =>
        ledger.MapGet("/entries/{id:guid}", async (Guid id, GetEntry handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(new EntryId(id), await actors.GetAsync(ct), ct))
            .WithName("GetEntry").WithSummary("Une écriture");
}
