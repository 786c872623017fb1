using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Ledger.Features;

public sealed record ManualLineInput(string? Account, string? Auxiliary, string? Side, string? Amount, string? ActivityId, string? Label);

public sealed record ManualEntryInput(string? Entity, string? Journal, string? Date, string? Label, string? PieceRef, IReadOnlyList<ManualLineInput>? Lines);

/// <summary>
/// An entry typed by finance staff (miscellaneous operations, opening balances, corrections).
/// Amounts are decimal euros with at most two decimals; accounts are PCG numbers of the entity.
/// </summary>
public sealed class ManualEntry(PartageDbContext db, ILedgerApi ledger, LedgerEntities codes)
{
    public async Task<EntryView> HandleAsync(ManualEntryInput input, string? idempotencyKey, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!LedgerAccess.KeepsTheBooks(actor))
        {
            throw new DomainException(LedgerErrors.NotFound);
        }

        var v = new Validation();
        var key = v.Required("IdempotencyKey", "L'en-tête Idempotency-Key", idempotencyKey, 150);
        var date = v.Date(nameof(input.Date), "La date comptable", input.Date, required: true);
        var journal = v.Required(nameof(input.Journal), "Le journal", input.Journal, 10).ToUpperInvariant();
        v.Required(nameof(input.Entity), "L'entité", input.Entity, 10);
        v.ThrowIfInvalid();
        var entity = await codes.ByCodeAsync(input.Entity!, ct);
        var lines = new List<PostingLine>();
        var numbers = (input.Lines ?? []).Select(l => l.Account?.Trim() ?? string.Empty).Distinct().ToList();
        var known = await db.Set<LedgerAccount>().AsNoTracking().Where(a => a.LegalEntityId == entity && numbers.Contains(a.Number))
            .Select(a => new { a.Id, a.Number, a.AuxiliaryCode }).ToListAsync(ct);
        foreach (var (line, i) in (input.Lines ?? []).Select((l, i) => (l, i)))
        {
            var field = $"Lines[{i}]";
            var number = line.Account?.Trim() ?? string.Empty;
            var auxiliary = string.IsNullOrWhiteSpace(line.Auxiliary) ? null : line.Auxiliary.Trim();
            var account = known.FirstOrDefault(a => a.Number == number && a.AuxiliaryCode == auxiliary)?.Id;
            if (account is null)
            {
                v.Add(field, $"Ligne {i + 1} : compte {number}{(auxiliary is null ? string.Empty : " / " + auxiliary)} inconnu.");
            }

            var side = line.Side?.Trim().ToUpperInvariant() switch
            {
                "D" or "DEBIT" => Side.Debit,
                "C" or "CREDIT" => Side.Credit,
                _ => (Side?)null,
            };
            if (side is null)
            {
                v.Add(field, $"Ligne {i + 1} : le sens est D (débit) ou C (crédit).");
            }

            var amount = v.Amount(field, $"Ligne {i + 1} : le montant", line.Amount, required: true);

            var activity = v.Id<ActivityId>(field, $"Ligne {i + 1} : l'activité", line.ActivityId, required: false);
            if (account is { } a && side is { } s && amount is { } m)
            {
                lines.Add(new PostingLine(a, s, m, activity, string.IsNullOrWhiteSpace(line.Label) ? null : line.Label.Trim()));
            }
        }

        v.ThrowIfInvalid();
        return await ledger.PostAsync(new PostEntryRequest(entity, journal, date!.Value, input.Label ?? string.Empty, "manual", key, "manual:" + key, lines, input.PieceRef), actor, ct);
    }

    public static void Map(RouteGroupBuilder ledger)
    {
        ledger.MapPost("/entries", async (ManualEntryInput input, [FromHeader(Name = "Idempotency-Key")] string? key, ManualEntry handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var entry = await handler.HandleAsync(input, key, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/ledger/entries/{entry.Id}", entry);
            })
            .WithName("PostManualEntry").WithSummary("Passer une écriture (finance ; en-tête Idempotency-Key obligatoire)").ProducesProblems();
    }
}
