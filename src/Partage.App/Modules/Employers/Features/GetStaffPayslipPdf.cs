using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <summary>The bulletin clarifié, with the employer as employer (the cooperative runs its payroll under mandate).</summary>
public sealed class GetStaffPayslipPdf(PartageDbContext db, GetStaffPayslip views, IPayrollApi payroll)
{
    public async Task<(string FileName, byte[] Content)> HandleAsync(Guid id, Actor actor, CancellationToken ct = default)
    {
        var payslip = await views.Visible(actor).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw new DomainException(EmployersErrors.NotFound);
        var contract = await db.Set<StaffContract>().AsNoTracking().SingleAsync(c => c.Id == payslip.ContractId, ct);
        var person = await db.Set<StaffMember>().AsNoTracking().SingleAsync(s => s.Id == contract.StaffMemberId, ct);
        var employer = await db.Set<Employer>().AsNoTracking().SingleAsync(e => e.Id == payslip.EmployerId, ct);
        var month = contract.Months()[payslip.Period];
        var content = payroll.PayslipPdf(new PayslipPrint(payslip.Number, payslip.Period, payslip.From, payslip.To, contract.Number, contract.Start, contract.End,
            employer.Name, $"SIRET {employer.Siret}, APE {employer.Ape}", $"{employer.Street}, {employer.PostalCode} {employer.City} (paie gérée par mandat)",
            person.FullName, $"né(e) le {person.BirthDate:dd/MM/yyyy}", $"{JobLabels.Kind(contract.Kind)}, {contract.Job}{(contract.Event.Length > 0 ? " — " + contract.Event : string.Empty)}",
            employer.CollectiveAgreement, payslip.Result(), Money.Eur(payslip.Figures.NetBeforeTaxCents), Money.Eur(payslip.Figures.NetTaxableCents), payslip.Figures.TaxRate, payslip.Figures.NeutralTaxRate,
            Money.Eur(payslip.Figures.TaxCents), Money.Eur(payslip.Figures.NetPaidCents), payslip.DueOn, payslip.PaidOn, Money.Eur(payslip.Figures.EmployerCostCents), Money.Eur(payslip.AllowancesCents))
        {
            Establishment = $"SIRET {employer.Siret}, APE {employer.Ape}, cotisations versées à l'URSSAF {employer.UrssafReference}",
            Hours = month.Hours, Cachets = month.Cachets, Cadre = contract.Cadre,
        });
        return ($"bulletin-{payslip.Number}.pdf", content);
    }

    public static void Map(RouteGroupBuilder payslips)
    {
        payslips.MapGet("/{id:guid}/pdf", async (Guid id, GetStaffPayslipPdf handler, ActorAccessor actors, CancellationToken ct) =>
            {
                var (name, content) = await handler.HandleAsync(id, await actors.GetAsync(ct), ct);
                return TypedResults.File(content, "application/pdf", name);
            })
            .WithName("StaffPayslipPdf").WithSummary("Le bulletin de paie en PDF (bulletin clarifié), l'employeur comme employeur").ProducesProblems().Produces(StatusCodes.Status200OK, contentType: "application/pdf");
    }
}
