using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.Ledger;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>
/// The shares a coordinator pays from their wages (<see cref="IPayslipDeductions"/>): on each of their payslips, whichever
/// entity of the group employs them, whose net reaches the statutes' minimum, one share's nominal value is withheld —
/// never more than is still unpaid (counting what computed payslips already reserved), never leaving a net under the
/// floor — until the subscribed shares are paid. A payslip of another entity than the cooperative (the SAS) withholds
/// for it: that entity then owes the cooperative the amount (451 on both sides), settled between them by finance.
/// </summary>
public sealed class ShareDeductions(PartageDbContext db, ShareRegister register, ILedgerApi ledger, ILegalEntitiesApi entities) : IPayslipDeductions
{
    public const string Label = "Souscription de parts sociales";

    public async Task<IReadOnlyDictionary<PayslipId, PayslipDeduction>> ReserveAsync(IReadOnlyList<NetPayToWithhold> payslips, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payslips);
        var reserved = new Dictionary<PayslipId, PayslipDeduction>();
        var memberIds = payslips.Select(p => (MemberId?)p.Member).Distinct().ToList();
        var holders = await db.Set<Shareholder>()
            .Where(s => memberIds.Contains(s.MemberId) && s.Status == ShareholderStatus.Admitted && s.PaysByDeduction).ToListAsync(ct);
        if (holders.Count == 0)
        {
            return reserved;
        }

        var codes = await entities.CodesAsync(ct);
        // What each still owes: unpaid capital less what computed payslips already reserved (a query for each, whatever the number of holders).
        var ids = holders.Select(h => h.Id).ToList();
        var pending = await db.Set<ShareDeduction>().Where(d => ids.Contains(d.ShareholderId) && d.MovementId == null).GroupBy(d => d.ShareholderId)
            .Select(g => new { g.Key, Cents = g.Sum(d => d.AmountCents) }).ToDictionaryAsync(p => p.Key, p => p.Cents, ct);
        var unpaid = new Dictionary<ShareholderId, long>();
        foreach (var entity in holders.GroupBy(h => h.LegalEntityId))
        {
            var holdings = await register.HoldingsAsync(entity.Key, DateOnly.MaxValue, entity.Select(h => h.Id).ToList(), ct);
            foreach (var holder in entity)
            {
                unpaid[holder.Id] = (holdings.GetValueOrDefault(holder.Id) ?? Holding.None).UnpaidCents - pending.GetValueOrDefault(holder.Id);
            }
        }

        foreach (var payslip in payslips)
        {
            // The register of the payslip's own entity first, then the group's other cooperatives.
            var holder = holders.Where(h => h.MemberId == payslip.Member && unpaid[h.Id] > 0).OrderBy(h => h.LegalEntityId == payslip.Entity ? 0 : 1).FirstOrDefault();
            if (holder is null)
            {
                continue;
            }

            var code = codes[holder.LegalEntityId];
            var amount = Math.Min(Statutes.Number(code, Statutes.SharesNominal, payslip.PayDay), unpaid[holder.Id]);
            if (payslip.NetPaid.Cents < Statutes.Number(code, Statutes.DeductionMinNet, payslip.PayDay)
                || payslip.NetPaid.Cents - amount < Statutes.Number(code, Statutes.DeductionNetFloor, payslip.PayDay))
            {
                continue;
            }

            db.Add(new ShareDeduction { PayslipId = payslip.Payslip, ShareholderId = holder.Id, AmountCents = amount, PayDay = payslip.PayDay, WithheldBy = payslip.Entity });
            reserved[payslip.Payslip] = new PayslipDeduction(Money.Eur(amount), Label);
            unpaid[holder.Id] -= amount;
            holder.Touch();   // two payroll runs reserving for one holder at once: the second fails whole and runs again
        }

        return reserved;
    }

    public async Task SettleAsync(IReadOnlyList<PayslipId> payslips, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payslips);
        if (payslips.Count == 0)
        {
            return;
        }

        var deductions = await db.Set<ShareDeduction>().Where(d => payslips.Contains(d.PayslipId) && d.MovementId == null).ToListAsync(ct);
        var holderIds = deductions.Select(d => d.ShareholderId).Distinct().ToList();
        var holders = await db.Set<Shareholder>().Where(s => holderIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        foreach (var deduction in deductions.OrderBy(d => d.PayDay))
        {
            var holder = holders[deduction.ShareholderId];
            var movement = await register.RecordAsync(holder, new MovementRequest(ShareMovementKind.Payment, deduction.PayDay, 0, 0, deduction.AmountCents, PaymentMeans.PayrollDeduction,
                deduction.PayslipId, WithheldBy: deduction.WithheldBy), actor, ct);
            if (deduction.WithheldBy != holder.LegalEntityId)
            {
                await WithheldForTheCooperativeAsync(deduction, holder, movement.Number, actor, ct);
            }

            deduction.MovementId = movement.Id;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>The employing entity's side: the share withheld from the net wage it owed (421) is now owed to the cooperative (451).</summary>
    private async Task WithheldForTheCooperativeAsync(ShareDeduction deduction, Shareholder holder, string movement, Actor actor, CancellationToken ct)
    {
        var cooperative = (await entities.CodesAsync(ct))[holder.LegalEntityId];
        var amount = Money.Eur(deduction.AmountCents);
        await ledger.PostAsync(new PostEntryRequest(deduction.WithheldBy, "OD", deduction.PayDay, $"Parts sociales {cooperative} retenues — {holder.Name}", "share_deduction",
            deduction.PayslipId.ToString(), $"share-deduction:{deduction.PayslipId}",
            [
                new PostingLine(await ledger.AccountAsync(deduction.WithheldBy, "421", ct), Side.Debit, amount, null, $"Retenue sur salaire — {holder.Name}"),
                new PostingLine(await ledger.AccountAsync(deduction.WithheldBy, ChartOfAccounts.Group, ct), Side.Credit, amount, null, $"Dû à {cooperative} ({movement})"),
            ], movement), actor, ct);
    }
}
