using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

/// <summary>Where the contract-management service books: the entity that carries it, and each employer's auxiliary accounts in its ledger.</summary>
public sealed class EmployerAccounts(ILedgerApi ledger, ILegalEntitiesApi entities)
{
    /// <summary>The entity that carries the contract-management service and pays the staff.</summary>
    internal async Task<LegalEntityView> EntityAsync(CancellationToken ct) =>
        (await entities.ListAsync(ct)).First(e => e.Modules.Contains(BusinessModules.ContractManagement));

    /// <summary>The employer's 467 auxiliary account: what the cooperative advanced for it and not yet invoiced.</summary>
    internal Task<AccountId> AdvancesAsync(LegalEntityId entity, Employer employer, CancellationToken ct) => OfEmployerAsync(entity, "467", employer, ct);

    /// <summary>The employer's 411 auxiliary account: what it owes on its invoices.</summary>
    internal Task<AccountId> ReceivableAsync(LegalEntityId entity, Employer employer, CancellationToken ct) => OfEmployerAsync(entity, ChartOfAccounts.Clients, employer, ct);

    /// <summary>The employer's auxiliary account under a general account, created on first use.</summary>
    private Task<AccountId> OfEmployerAsync(LegalEntityId entity, string generalNumber, Employer employer, CancellationToken ct) =>
        ledger.AuxiliaryAccountAsync(entity, generalNumber, "E" + employer.Id.Value.ToString("N")[..10].ToUpperInvariant(), employer.Name, "employer", employer.Id.Value, ct);
}
