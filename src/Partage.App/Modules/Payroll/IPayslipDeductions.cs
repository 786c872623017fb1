using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Payroll;

/// <summary>A payslip being computed, as a module that withholds something after the net pay sees it.</summary>
public sealed record NetPayToWithhold(PayslipId Payslip, MemberId Member, LegalEntityId Entity, DateOnly PayDay, Money NetPaid);

/// <summary>What a payslip withholds after the net pay, and what for (printed under "Net à payer").</summary>
public sealed record PayslipDeduction(Money Amount, string Label);

/// <summary>
/// Deductions after the net pay (the cooperative shares a coordinator subscribes, which Governance implements): reserved
/// when payslips are computed, in the computation's transaction, so that the transfer pays the net less them; settled
/// — in the register and the books — when the payslip is validated, in the validation's transaction.
/// </summary>
public interface IPayslipDeductions
{
    Task<IReadOnlyDictionary<PayslipId, PayslipDeduction>> ReserveAsync(IReadOnlyList<NetPayToWithhold> payslips, Actor actor, CancellationToken ct = default);

    Task SettleAsync(IReadOnlyList<PayslipId> payslips, Actor actor, CancellationToken ct = default);
}
