using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Tests.Infrastructure;

namespace Partage.Tests.Employers;

/// <summary>An employer's technician is ceilinged on the days actually worked, as a member's job is: a contract of 11 days with 5 worked has 5 daily ceilings. The class's clock only moves forward.</summary>
public class StaffTechnicianDaysTests(December2026Factory factory) : IClassFixture<December2026Factory>
{
    [Fact]
    public async Task FiveDaysWorkedOfEleven_FromTheFile_CeilingOnFiveDays_RefusedForAnArtistOrBeyondTheContract()
    {
        var world = await Ledger.Books.OpenAsync(factory);
        await EmployerTests.LilleMandateAsync(factory, world);
        var employerActor = await factory.ActorAsync(World.Employer);
        StaffContractInput Technician(string nir, string? workedDays, string kind = "intermittent_technician") =>
            new("SON", "Lou", nir, "1991-02-03", "FR7630006000011234567890189", kind, "non", "Sonorisateur", null, "2026-12-02", "2026-12-12",
                kind == "intermittent_artist" ? null : "40", kind == "intermittent_artist" ? "2" : null, "1000", null, null, "Lille") { WorkedDays = workedDays };

        async Task<string[]> Refused(StaffContractInput input) => (await Assert.ThrowsAsync<InputValidationException>(() => factory.InScopeAsync(s =>
            s.GetRequiredService<SubmitStaffContract>().HandleAsync(world.LilleEmployer, input, employerActor)))).Errors["WorkedDays"];
        Assert.Equal([ContractTerms.WorkedDaysRefused], await Refused(Technician(StaffPayrollTests.Nir(80), "1", "intermittent_artist")));
        Assert.Equal(["Les jours réellement travaillés sont un nombre entier, d'au moins 1 et au plus les jours du contrat."], await Refused(Technician(StaffPayrollTests.Nir(80), "12")));

        // The file's optional column jours_travailles; the form and the API take WorkedDays.
        var header = string.Join(";", [.. ImportStaffContracts.Columns, .. ImportStaffContracts.OptionalColumns]);
        var csv = $"{header}\nSON;Lou;{StaffPayrollTests.Nir(81)};1991-02-03;FR7630006000011234567890189;intermittent_technician;non;Sonorisateur;Création;2026-12-02;2026-12-12;40;;1000,00;;;Lille;;5";
        var imported = await factory.InScopeAsync(s => s.GetRequiredService<ImportStaffContracts>().HandleAsync(world.LilleEmployer, new MemoryStream(Encoding.UTF8.GetBytes(csv)), employerActor));
        var everyDay = await factory.InScopeAsync(s => s.GetRequiredService<SubmitStaffContract>().HandleAsync(world.LilleEmployer, Technician(StaffPayrollTests.Nir(82), null), employerActor));

        factory.Clock.Advance(TimeSpan.FromDays(12));   // 2026-12-13, after the end
        await factory.InScopeAsync(s => s.GetRequiredService<ComputeStaffPayslips>().HandleAsync(new DateOnly(2026, 12, 13), Actor.System));
        var rows = await factory.InScopeAsync(s => s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<StaffPayslip>().AsNoTracking()
            .Where(p => p.EmployerId == world.LilleEmployer).ToListAsync());
        PayrollResult Result(Guid contract) => JsonSerializer.Deserialize<PayrollResult>(rows.Single(p => p.ContractId == contract).ResultJson, PayrollJson.Options)!;
        var worked = Result(Assert.Single(imported.Contracts).Id);
        Assert.Equal(1100m, worked.Ceiling);   // 220 € × 5 days worked
        Assert.Equal(1000m, worked.Lines.Single(l => l.Code == "vieillesse_plafonnee").Base);
        Assert.Equal(2420m, Result(everyDay.Id).Ceiling);   // no days given: the 11 days of the contract
    }
}
