using Partage.App.Infrastructure;
using Partage.App.Modules.LegalEntities;

namespace Partage.App.Modules.Invoicing;

/// <summary>An entity named by its code in a finance command (archive, e-reporting): found, or a field error in French.</summary>
public static class EntityInput
{
    public static async Task<LegalEntityView?> FindAsync(ILegalEntitiesApi entities, string? code, Validation v, CancellationToken ct)
    {
        var entity = (await entities.ListAsync(ct)).FirstOrDefault(e => string.Equals(e.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (entity is null)
        {
            v.Add("Entity", "Entité inconnue (SCIC, LNA ou GE).");
        }

        return entity;
    }
}
