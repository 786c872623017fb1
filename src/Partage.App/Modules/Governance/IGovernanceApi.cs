using Partage.App.Modules.Governance.Features;
using Partage.App.Security;

namespace Partage.App.Modules.Governance;

/// <summary>How many shareholders of a category an entity's register counts on a day (the annual report).</summary>
public sealed record ShareholderCount(int Category, string Label, int Shareholders);

/// <summary>What other modules may ask of Governance: the shareholders by category of each entity that keeps a share register.</summary>
public interface IGovernanceApi
{
    /// <summary>The codes of the entities that keep a share register (the cooperatives).</summary>
    IReadOnlyList<string> RegisterEntities { get; }

    /// <summary>The shareholders in the entity's register on <paramref name="day"/> (admitted, not left), by category: the register's own count.</summary>
    Task<IReadOnlyList<ShareholderCount>> ShareholdersAsync(string entityCode, DateOnly day, CancellationToken ct = default);
}

internal sealed class GovernanceApi(GetShareRegister register) : IGovernanceApi
{
    public IReadOnlyList<string> RegisterEntities => Statutes.Entities;

    // The caller has checked its reader's right to the figures; the register itself answers for the system.
    public async Task<IReadOnlyList<ShareholderCount>> ShareholdersAsync(string entityCode, DateOnly day, CancellationToken ct = default) =>
        (await register.HandleAsync(entityCode, day, Actor.System, ct)).ByCategory.Select(c => new ShareholderCount(c.Category, c.Label, c.Shareholders)).ToList();
}
