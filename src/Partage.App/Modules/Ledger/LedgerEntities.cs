using Partage.App.Infrastructure;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;

namespace Partage.App.Modules.Ledger;

/// <summary>The entity a ledger request names by its code (SCIC, LNA, GE), and the period a report covers.</summary>
public sealed class LedgerEntities(ILegalEntitiesApi entities)
{
    public async Task<LegalEntityId> ByCodeAsync(string code, CancellationToken ct) =>
        (await entities.ListAsync(ct)).FirstOrDefault(e => string.Equals(e.Code, code.Trim(), StringComparison.OrdinalIgnoreCase))?.Id
        ?? throw new InputValidationException(new Dictionary<string, string[]> { ["Entity"] = [$"Entité inconnue : « {code} » (SCIC, LNA ou GE)."] });

    /// <summary>The entity and the dates of a report, every problem at once.</summary>
    public async Task<(LegalEntityId Entity, DateOnly From, DateOnly To)> RangeAsync(string? entityCode, string? from, string? to, CancellationToken ct)
    {
        var v = new Validation();
        var start = v.Date("From", "La date de début", from, required: true);
        var end = v.Date("To", "La date de fin", to, required: true);
        if (start > end)
        {
            v.Add("To", "La date de fin précède la date de début.");
        }

        v.ThrowIfInvalid();
        return (await ByCodeAsync(entityCode ?? string.Empty, ct), start!.Value, end!.Value);
    }
}
