using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Partage.App.Infrastructure;
using Partage.App.Infrastructure.Http;
using Partage.App.Modules.Audit;
using Partage.App.Modules.Payroll;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.App.Modules.Employers.Features;

/// <param name="StaffMemberId">The person's id in the employer's staff.</param>
public sealed record StaffTaxRateInput(string? StaffMemberId, string? Rate, string? From, string? Source);

public sealed record StaffTaxRateView(Guid StaffMemberId, string StaffName, decimal Rate, DateOnly From, string Source, string CreatedBy);

/// <summary>A person of the employer's staff with the rates the tax office notified for them, oldest first.</summary>
public sealed record StaffTaxRatesView(Guid StaffMemberId, string StaffName, IReadOnlyList<StaffTaxRateView> Rates);

/// <summary>
/// The withholding rates the tax office notified for an employer's staff (the returns of the DSN
/// the cooperative files under a complete mandate), entered by payroll staff: a payslip uses the
/// one in force on its last day, else the default grid, as for members.
/// </summary>
public sealed class StaffTaxRates(PartageDbContext db, IPayrollApi payroll, IAuditLog audit, TimeProvider clock)
{
    public async Task<StaffTaxRateView> AddAsync(EmployerId employerId, StaffTaxRateInput input, Actor actor, CancellationToken ct = default)
    {
        var employer = await db.ManagedEmployerAsync(employerId, actor, ct);
        var v = new Validation();
        var person = Guid.TryParse(input.StaffMemberId, out var id)
            ? await db.Set<StaffMember>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.EmployerId == employer.Id, ct)
            : null;
        if (person is null)
        {
            v.Add("StaffMemberId", "Choisissez un salarié de cet employeur.");
        }

        var (rate, from, source) = v.NotifiedTaxRate(input.Rate, input.From, input.Source, await payroll.CatalogAsync(ct));
        v.ThrowIfInvalid();
        if (await db.Set<StaffTaxRate>().AnyAsync(r => r.StaffMemberId == person!.Id && r.From == from, ct))
        {
            throw new DomainException(EmployersErrors.TaxRateExists);
        }

        var row = new StaffTaxRate
        {
            Id = Guid.CreateVersion7(), EmployerId = employer.Id, StaffMemberId = person!.Id, Rate = rate!.Value, From = from!.Value, Source = source,
            CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = actor.Name,
        };
        db.Add(row);
        audit.Record(actor, "employers.tax_rate_added", "employer_staff", person.Id.ToString(), null,
            new { Employer = employer.Id.ToString(), row.Rate, From = row.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row.Source });
        await db.SaveChangesAsync(ct);
        return new StaffTaxRateView(person.Id, person.FullName, row.Rate, row.From, row.Source, row.CreatedBy);
    }

    /// <summary>Every person of the employer's staff with their notified rates, by name.</summary>
    public async Task<IReadOnlyList<StaffTaxRatesView>> ListAsync(EmployerId employerId, Actor actor, CancellationToken ct = default)
    {
        var employer = await db.ManagedEmployerAsync(employerId, actor, ct);
        var people = await db.Set<StaffMember>().AsNoTracking().Where(s => s.EmployerId == employer.Id).ToListAsync(ct);
        var rates = (await db.Set<StaffTaxRate>().AsNoTracking().Where(r => r.EmployerId == employer.Id).ToListAsync(ct)).ToLookup(r => r.StaffMemberId);
        return people.OrderBy(p => p.LastName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ThenBy(p => p.FirstName, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true))
            .Select(p => new StaffTaxRatesView(p.Id, p.FullName, rates[p.Id].OrderBy(r => r.From).Select(r => new StaffTaxRateView(p.Id, p.FullName, r.Rate, r.From, r.Source, r.CreatedBy)).ToList()))
            .ToList();
    }

    /// <summary>The rate in force on each payslip's last day, for a payroll run (one query): the people's rates, oldest first.</summary>
    internal async Task<ILookup<Guid, StaffTaxRate>> ForPeopleAsync(IReadOnlyCollection<Guid> people, CancellationToken ct) =>
        (await db.Set<StaffTaxRate>().AsNoTracking().Where(r => people.Contains(r.StaffMemberId)).ToListAsync(ct)).OrderBy(r => r.From).ToLookup(r => r.StaffMemberId);


    public static void Map(RouteGroupBuilder service)
    {
        service.MapGet("/{id:guid}/tax-rates", async (Guid id, StaffTaxRates rates, ActorAccessor actors, CancellationToken ct) =>
                await rates.ListAsync(EmployerId.From(id), await actors.GetAsync(ct), ct))
            .WithName("StaffTaxRates").WithSummary("Les taux de prélèvement à la source notifiés pour les salariés d'un employeur (service paie)").ProducesProblems();
        service.MapPost("/{id:guid}/tax-rates", async (Guid id, StaffTaxRateInput input, StaffTaxRates rates, ActorAccessor actors, CancellationToken ct) =>
            {
                var added = await rates.AddAsync(EmployerId.From(id), input, await actors.GetAsync(ct), ct);
                return TypedResults.Created($"/api/v1/employers/{id}/tax-rates", added);
            })
            .WithName("AddStaffTaxRate").WithSummary("Taux de prélèvement transmis par l'administration fiscale pour un salarié d'un employeur, à partir d'une date").ProducesProblems();
    }
}
