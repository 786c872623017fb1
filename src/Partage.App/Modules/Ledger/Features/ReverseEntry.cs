using Microsoft.AspNetCore.Mvc;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger.Features;

public sealed record ReversalInput(string? Date, string? Reason);

/// <summary>
/// Reverses a journal entry (finance): a new entry with the sides swapped, on the date given, citing
/// the one it corrects; postings are never changed or deleted. The Idempotency-Key header is
/// required, so a retried request returns the first reversal.
/// </summary>
public sealed class ReverseEntry(ILedgerApi ledger)
{
    public async Task<EntryView> HandleAsync(EntryId id, ReversalInput input, string? idempotencyKey, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        LedgerAccess.RequireBooks(actor);
        var v = new Validation();
        var date = v.Date(nameof(input.Date), "La date de contre-passation", input.Date, required: true);
        var key = v.Required("IdempotencyKey", "L'en-tête Idempotency-Key", idempotencyKey, 150);
        v.ThrowIfInvalid();
        return await ledger.ReverseAsync(id, date!.Value, input.Reason ?? string.Empty, "reversal:" + key, actor, ct);
    }

    public static void Map(RouteGroupBuilder ledger) =>
        ledger.MapPost("/entries/{id:guid}/reversal", async (Guid id, ReversalInput input, [FromHeader(Name = "Idempotency-Key")] string? key, ReverseEntry handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var entry = await handler.HandleAsync(new EntryId(id), input, key, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/ledger/entries/{entry.Id}", entry);
            })
            .WithName("ReverseEntry").WithSummary("Contre-passer une écriture (finance)").ProducesProblems();
}
