using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Infrastructure;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Payroll;
using Partage.App.Modules.Payroll.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Payroll;
using Partage.Persistence;
using Partage.Tests.Infrastructure;
using static Partage.Tests.Ledger.Books;

namespace Partage.Tests.Payroll;

/// <summary>
/// Annexes 8 and 10 and the GUSO boundary: an intermittent's job names its function (from the annexes' lists), its
/// show or recording and its organiser; an occasional organiser's job is refused with the GUSO; a show needs the
/// entity's licence; refusals and warning signs reach the compliance page of the office. On both databases.
/// </summary>
public abstract class IntermittentProductionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PartageFactory
{
    private async Task<(World World, Actor Member)> FundedAsync()
    {
        var world = await OpenAsync(factory);
        await Hiring.FundAsync(factory, world.LilleActivity, 1_000_000);
        return (world, await factory.ActorAsync(World.LilleMemberEmail));
    }

    private static async Task<DomainException> RefusedAsync(Func<Task> declare) => await Assert.ThrowsAsync<DomainException>(declare);

    private Task<PagedResult<ComplianceEventView>> EventsAsync(string email, string? outcome = null) => factory.InScopeAsync(async s =>
        await s.GetRequiredService<ListComplianceEvents>().HandleAsync(null, TestDates.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), outcome,
            new PageRequest(1, 100), await factory.ActorAsync(email)));

    [Fact]
    public async Task OccasionalOrganiser_ForItsOwnEvent_RefusedWithTheGuso_AndShownOnTheOfficesCompliancePage()
    {
        var (world, member) = await FundedAsync();
        var brasserie = Hiring.Artist(world.LilleActivity, Hiring.NextDay()) with
        {
            Description = "Anniversaire de la brasserie", OrganiserName = "Brasserie du Vieux-Lille", OrganiserSiret = "81234567600017", OrganiserApe = "56.30Z",
            OrganiserLicence = null, OrganiserRole = OrganiserRoles.Occasional,
        };

        var refused = await RefusedAsync(() => Hiring.DeclareAsync(factory, brasserie, member));
        Assert.Equal(PayrollErrors.ChecksFailed, refused.Error);
        Assert.Contains("Brasserie du Vieux-Lille organise son propre événement", refused.Message, StringComparison.Ordinal);
        Assert.Contains("GUSO", refused.Message, StringComparison.Ordinal);
        Assert.Contains("L7122-22", refused.Message, StringComparison.Ordinal);
        Assert.Contains("https://www.guso.fr", refused.Message, StringComparison.Ordinal);

        var lille = (await EventsAsync(World.LilleManager, "refused")).Items.Single(e => e.Job == "Anniversaire de la brasserie");
        Assert.Equal((ComplianceRules.Guso, ComplianceOutcome.Refused, ComplianceLog.Declaration, (JobId?)null), (lille.Rule, lille.Outcome, lille.Step, lille.JobId));
        Assert.DoesNotContain((await EventsAsync(World.ParisManager)).Items, e => e.Job == "Anniversaire de la brasserie");   // another office's manager
        Assert.Contains((await EventsAsync(World.Payroll)).Items, e => e.Job == "Anniversaire de la brasserie");

        using var asMember = await factory.ClientForAsync(World.LilleMemberEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await asMember.GetAsync("/api/v1/compliance/events")).StatusCode);
        using var asManager = await factory.ClientForAsync(World.LilleManager);
        Assert.Equal(HttpStatusCode.BadRequest, (await asManager.GetAsync("/api/v1/compliance/events?month=2026-13")).StatusCode);
    }

    [Fact]
    public async Task FunctionOutsideTheAnnexes_Refused_AListedOneMatchedWithoutAccents()
    {
        var (world, member) = await FundedAsync();
        var star = Hiring.Artist(world.LilleActivity, Hiring.NextDay()) with { Function = "Influenceuse" };
        var refused = await RefusedAsync(() => Hiring.DeclareAsync(factory, star, member));
        Assert.Contains("« Influenceuse » n'est pas une fonction de la liste de l'annexe 10", refused.Message, StringComparison.Ordinal);

        var technician = Hiring.Technician(world.LilleActivity, Hiring.NextDay(), "8", "200") with { Function = "regisseur general" };
        var job = await Hiring.DeclareAsync(factory, technician, member);
        Assert.Equal("regisseur general", job.Production!.Function);
        var (name, pdf) = await factory.InScopeAsync(s => s.GetRequiredService<GetContractPdf>().HandleAsync(job.Id, member));
        var clauses = System.Text.RegularExpressions.Regex.Replace(await Employers.StaffDocuments.PdfTextAsync(name, pdf), @"\s+", " ");
        Assert.Contains("fonction : regisseur general ; spectacle « Concert au Splendid », organisateur Le Splendid (SIRET 41234567000019, licence PLATESV-R-2023-000321)", clauses, StringComparison.Ordinal);

        // The lists are written in the masculine: a woman's title finds the same function.
        Assert.Equal("Régisseur général", IntermittentFunctions.Find(EmployeeKind.IntermittentTechnician, "Régisseuse générale")?.Title);
        Assert.Equal("Costumier", IntermittentFunctions.Find(EmployeeKind.IntermittentTechnician, "costumière")?.Title);
        Assert.Equal("Administrateur de production", IntermittentFunctions.Find(EmployeeKind.IntermittentTechnician, "Administratrice de production")?.Title);
        Assert.Equal("Musicien", IntermittentFunctions.Find(EmployeeKind.IntermittentArtist, "Musicienne")?.Title);
        Assert.Null(IntermittentFunctions.Find(EmployeeKind.IntermittentArtist, "Régisseuse"));   // a technician's function, not an artist's

        var artistAsTechnician = Hiring.Technician(world.LilleActivity, Hiring.NextDay(), "8", "200") with { Function = "Musicien" };
        Assert.Contains("annexe 8", (await RefusedAsync(() => Hiring.DeclareAsync(factory, artistAsTechnician, member))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Organiser_IsRequiredAndChecked_ForAnIntermittent_NotForTheRegimeGeneral()
    {
        var (world, member) = await FundedAsync();
        var bare = new JobInput(world.LilleActivity.ToString(), "intermittent_artist", false, "musician_singer", "Concert", "Lille", Hiring.Day(Hiring.NextDay()), null, null, "1", "300", null, null);
        var missing = await Assert.ThrowsAsync<InputValidationException>(() => Hiring.DeclareAsync(factory, bare with { End = bare.Start }, member));
        Assert.Superset(new HashSet<string>(["Function", "Production", "Title", "OrganiserName", "OrganiserSiret", "OrganiserApe", "OrganiserRole"]), missing.Errors.Keys.ToHashSet());

        var wrong = Hiring.Artist(world.LilleActivity, Hiring.NextDay()) with { OrganiserSiret = "41234567000018", OrganiserApe = "900", OrganiserLicence = "  " };
        var errors = (await Assert.ThrowsAsync<InputValidationException>(() => Hiring.DeclareAsync(factory, wrong, member))).Errors;
        Assert.Equal("La clé de contrôle du SIRET est incorrecte.", errors["OrganiserSiret"][0]);
        Assert.Contains("quatre chiffres et une lettre", errors["OrganiserApe"][0], StringComparison.Ordinal);
        Assert.Contains("numéro de licence", errors["OrganiserLicence"][0], StringComparison.Ordinal);   // a licensed buyer without its number

        var clerk = new JobInput(world.LilleActivity.ToString(), "regime_general", false, "workshop_leader", "Ateliers", "Lille", Hiring.Day(Hiring.NextDay()), null, "7", null, "200",
            "Accroissement temporaire d'activité", null);
        Assert.Null((await Hiring.DeclareAsync(factory, clerk with { End = clerk.Start }, member)).Production);
    }

    [Fact]
    public async Task Show_UnderAnExpiredLicence_Refused_ARecordingThereIsNot()
    {
        var world = await OpenAsync(factory);
        var ge = await factory.InScopeAsync(s => s.GetRequiredService<CreateActivity>().HandleAsync(world.LilleMember,
            new CreateActivityInput("Tournée GE", "Concerts", LegalEntitiesReferenceData.Ge.ToString(), BusinessModules.Shows), Actor.System));
        await PostAsync(factory, LegalEntitiesReferenceData.Ge, D(11, 20), $"fund-{Guid.NewGuid():N}", ("512", App.Modules.Ledger.Side.Debit, 500_000, null), ("706", App.Modules.Ledger.Side.Credit, 500_000, ge.Id));
        await factory.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PartageDbContext>();
            db.Add(new PerformanceLicence { Id = Guid.NewGuid(), LegalEntityId = LegalEntitiesReferenceData.Ge, Category = 2, Number = "PLATESV-R-2020-000999", ValidUntil = TestDates.Today.AddDays(-1) });
            await db.SaveChangesAsync();
            return 0;
        });

        var member = await factory.ActorAsync(World.LilleMemberEmail);
        var day = Hiring.NextDay();
        var refused = await RefusedAsync(() => Hiring.DeclareAsync(factory, Hiring.Artist(ge.Id, day) with { Description = "Concert GE" }, member));
        Assert.Contains($"licence d'entrepreneur de spectacles (catégorie 2, producteur) valable jusqu'au {day:dd/MM/yyyy}", refused.Message, StringComparison.Ordinal);
        Assert.Contains((await EventsAsync(World.Payroll, "refused")).Items, e => e.Job == "Concert GE" && e.Rule == ComplianceRules.Licence);

        var recording = await Hiring.DeclareAsync(factory, Hiring.Artist(ge.Id, day) with { Production = "recording", Title = "Album GE" }, member);
        Assert.True(recording.Production!.Recording);
    }

    [Fact]
    public async Task SameOrganiserEveryTime_AndAShowSoldOutsideLivePerformance_FlagTheJob_ForTheManager()
    {
        var (world, member) = await FundedAsync();
        var jobs = new List<JobView>();
        for (var i = 0; i < JobFlags.SameOrganiserRun; i++)
        {
            jobs.Add(await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()) with { OrganiserSiret = "78912345200011", OrganiserName = "Festival des Beffrois" }, member));
        }

        Assert.Empty(jobs[^2].Warnings);
        Assert.Contains("derniers engagements de ce membre sont pour le même organisateur (Festival des Beffrois", Assert.Single(jobs[^1].Warnings), StringComparison.Ordinal);

        var townHall = await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()) with
        {
            OrganiserName = "Mairie de Roubaix", OrganiserSiret = "53298765800012", OrganiserApe = "8411Z", OrganiserLicence = null, OrganiserRole = OrganiserRoles.Cooperative,
        }, member);
        Assert.Contains("contrat de cession", Assert.Single(townHall.Warnings), StringComparison.Ordinal);

        var flagged = (await EventsAsync(World.LilleManager, "flagged")).Items;
        Assert.Contains(flagged, e => e.JobId == jobs[^1].Id && e.Rule == ComplianceRules.SameOrganiser);
        Assert.Contains(flagged, e => e.JobId == townHall.Id && e.Rule == ComplianceRules.OccasionalBuyer && e.JobNumber == townHall.Number);
    }

    [Fact]
    public async Task Member_WhoIsAlsoAManager_CannotCountersignTheirOwnContract()
    {
        var (world, member) = await FundedAsync();
        var job = await Hiring.SignAsync(factory, await Hiring.DeclareAsync(factory, Hiring.Artist(world.LilleActivity, Hiring.NextDay()), member), member);
        var manager = await factory.ActorAsync(World.LilleManager);
        var both = manager with { MemberId = member.MemberId, Name = "Gestionnaire et membre" };

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            factory.InScopeAsync(s => s.GetRequiredService<CountersignContract>().HandleAsync(job.Id, new SignatureInput("x", "000000"), null, both)));
        Assert.Equal(PayrollErrors.SelfCountersignature, refused.Error);
        Assert.Contains((await EventsAsync(World.LilleManager, "refused")).Items, e => e.JobId == job.Id && e.Rule == ComplianceRules.SelfCountersigned && e.Step == ComplianceLog.Countersignature);
    }
}

public sealed class SqliteIntermittentProductionTests(PartageFactory factory) : IntermittentProductionTests<PartageFactory>(factory);

public sealed class PostgresIntermittentProductionTests(PostgresFactory factory) : IntermittentProductionTests<PostgresFactory>(factory);
