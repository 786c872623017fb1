using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Partage.Payroll;

namespace Partage.App.Infrastructure.Database;

/// <summary>
/// The payslip figures as one complex type, mapped alike on members' and employers' staff payslips:
/// the columns keep their plain names (gross_cents, not figures_gross_cents) so the tables read as
/// the payslip they store.
/// </summary>
public static class PayslipFiguresMapping
{
    public static void MapFigures<TPayslip>(this EntityTypeBuilder<TPayslip> builder, Expression<Func<TPayslip, PayslipFigures?>> figures)
        where TPayslip : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ComplexProperty<PayslipFigures>(figures, f =>
        {
            f.Property(x => x.GrossCents).HasColumnName("gross_cents");
            f.Property(x => x.EmployeeContributionsCents).HasColumnName("employee_contributions_cents");
            f.Property(x => x.EmployerContributionsCents).HasColumnName("employer_contributions_cents");
            f.Property(x => x.ReductionsCents).HasColumnName("reductions_cents");
            f.Property(x => x.NetBeforeTaxCents).HasColumnName("net_before_tax_cents");
            f.Property(x => x.NetTaxableCents).HasColumnName("net_taxable_cents");
            f.Property(x => x.TaxRate).HasColumnName("tax_rate").HasPrecision(6, 4);
            f.Property(x => x.NeutralTaxRate).HasColumnName("neutral_tax_rate");
            f.Property(x => x.TaxCents).HasColumnName("tax_cents");
            f.Property(x => x.NetPaidCents).HasColumnName("net_paid_cents");
            f.Property(x => x.EmployerCostCents).HasColumnName("employer_cost_cents");
        });
    }
}
