using Microsoft.EntityFrameworkCore;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Governance.Features;

/// <summary>
/// The shares a coordinator pays from their wages (<see cref="IPayslipDeductions"/>): on each payslip of the cooperative
/// that keeps their register, whose net reaches the statutes' minimum, one share's nominal value is withheld — never more
/// than is still unpaid (counting what computed payslips already reserved), never leaving a net under the floor —
/// until the subscribed shares are paid. Payslips of an entity that keeps no register (the SAS) withhold nothing:
/// paying another company's capital from wages would need an intercompany account the books do not keep.
/// </summary>
public sealed class ShareDeductions(PartageDbContext db, ShareRegister register, ILegalEntitiesApi entities) : IPayslipDeductions
{
    public const string Label = "Souscription de parts sociales";

    public async Task<IReadOnlyDictionary<PayslipId, PayslipDeduction>> ReserveAsync(IReadOnlyList<NetPayToWithhold> payslips, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(payslips);
        var reserved = new Dictionary<PayslipId, PayslipDeduction>();
        var codes = await entities.CodesAsync(ct);
        var eligible = payslips.Where(p => Statutes.KeepsRegister(codes[p.Entity])).ToList();
        var memberIds = eligible.Select(p => (MemberId?)p.Member).Distinct().ToList();
        var holders = await db.Set<Shareholder>()
            .Where(s => memberIds.Contains(s.MemberId) && s.Status == ShareholderStatus.Admitted && s.PaysByDeduction).ToListAsync(ct);
        foreach (var holder in holders)
        {
            var code = codes[holder.LegalEntityId];
            var pending = await db.Set<ShareDeduction>().Where(d => d.ShareholderId == holder.Id && d.MovementId == null).SumAsync(d => (long?)d.AmountCents, ct) ?? 0;
            var unpaid = (await register.HoldingAsync(holder, DateOnly.MaxValue, ct)).UnpaidCents - pending;
            foreach (var payslip in eligible.Where(p => p.Member == holder.MemberId && p.Entity == holder.LegalEntityId))
            {
                var amount = Math.Min(Statutes.Number(code, Statutes.SharesNominal, payslip.PayDay), unpaid);
                if (amount <= 0 || payslip.NetPaid.Cents < Statutes.Number(code, Statutes.DeductionMinNet, payslip.PayDay)
                    || payslip.NetPaid.Cents - amount < Statutes.Number(code, Statutes.DeductionNetFloor, payslip.PayDay))
                {
                    continue;
                }

                db.Add(new ShareDeduction { PayslipId = payslip.Payslip, ShareholderId = holder.Id, AmountCents = amount, PayDay = payslip.PayDay });
                reserved[payslip.Payslip] = new PayslipDeduction(Money.Eur(amount), Label);
                unpaid -= amount;
                holder.Touch();   // two payroll runs reserving for one holder at once: the second fails whole and runs again
            }
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
            var movement = await register.RecordAsync(holders[deduction.ShareholderId],
                new MovementRequest(ShareMovementKind.Payment, deduction.PayDay, 0, 0, deduction.AmountCents, PaymentMeans.PayrollDeduction, deduction.PayslipId), actor, ct);
            deduction.MovementId = movement.Id;
        }

        await db.SaveChangesAsync(ct);
    }
}
