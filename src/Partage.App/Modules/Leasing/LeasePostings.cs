using Partage.App.Modules.Ledger;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Leasing;

/// <summary>
/// How the leases move money, one place for every event (docs/leasing.md). The cooperative owns the equipment: its
/// purchase is an asset (2154/2183), the VAT on it deductible (44562), the supplier owed (404). What the activity repays
/// (an instalment, the deposit, an early payoff) is a rental charge on its section (6135 Locations mobilières) and the
/// cooperative's revenue (7083 Locations diverses); an instalment the member pays by direct debit instead is a collection
/// in progress (5113) against the same revenue, reversed when the bank returns it.
/// </summary>
public sealed class LeasePostings(ILedgerApi ledger)
{
    public const string AssetVat = "44562";
    public const string AssetSuppliers = "404";
    public const string RentalCharge = "6135";
    public const string RentalRevenue = "7083";
    public const string DirectDebitsInCollection = "5113";
    public const string Clients = "411";
    public const string DisposalRevenue = "775";
    public const string VatCollected = "44571";

    /// <summary>An amount taken from the activity's budget: the caller has checked the available money inside its transaction.</summary>
    public async Task<EntryView> FromBudgetAsync(Lease lease, Money amount, DateOnly on, string label, string key, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var lines = new List<PostingLine>
        {
            new(await ledger.AccountAsync(lease.LegalEntityId, RentalCharge, ct), Side.Debit, amount, lease.ActivityId, label),
            new(await ledger.AccountAsync(lease.LegalEntityId, RentalRevenue, ct), Side.Credit, amount, null, label),
        };
        return await ledger.PostAsync(new PostEntryRequest(lease.LegalEntityId, "OD", on, label, "lease", lease.Id.ToString(), key, lines, lease.Number), actor, ct);
    }

    /// <summary>An instalment presented by direct debit on the member's own account: in collection until the bank pays or returns it.</summary>
    public async Task<EntryView> DirectDebitAsync(Lease lease, Money amount, DateOnly on, string label, string key, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var lines = new List<PostingLine>
        {
            new(await ledger.AccountAsync(lease.LegalEntityId, DirectDebitsInCollection, ct), Side.Debit, amount, null, label),
            new(await ledger.AccountAsync(lease.LegalEntityId, RentalRevenue, ct), Side.Credit, amount, null, label),
        };
        return await ledger.PostAsync(new PostEntryRequest(lease.LegalEntityId, "BQ", on, label, "lease", lease.Id.ToString(), key, lines, lease.Number), actor, ct);
    }

    /// <summary>The supplier's invoice: the asset at its cost excl. VAT, the deductible VAT, the supplier of fixed assets owed the whole.</summary>
    public async Task<EntryView> PurchaseAsync(Lease lease, AssetKind kind, string invoiceNumber, DateOnly on, Money exclVat, Money vat, string key, Actor actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(kind);
        var label = $"{lease.Number} : {lease.Supplier}, facture {invoiceNumber}";
        var lines = new List<PostingLine> { new(await ledger.AccountAsync(lease.LegalEntityId, kind.Account, ct), Side.Debit, exclVat, null, label) };
        if (!vat.IsZero)
        {
            lines.Add(new(await ledger.AccountAsync(lease.LegalEntityId, AssetVat, ct), Side.Debit, vat, null, label));
        }

        lines.Add(new(await ledger.AccountAsync(lease.LegalEntityId, AssetSuppliers, ct), Side.Credit, exclVat + vat, null, label));
        return await ledger.PostAsync(new PostEntryRequest(lease.LegalEntityId, "AC", on, label, "lease", lease.Id.ToString(), key, lines, invoiceNumber), actor, ct);
    }
}
