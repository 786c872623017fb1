using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Partage.App.Demo;
using Partage.App.Modules.Activities;
using Partage.App.Modules.Activities.Features;
using Partage.App.Modules.Employers;
using Partage.App.Modules.Employers.Features;
using Partage.App.Modules.LegalEntities;
using Partage.App.Modules.Members;
using Partage.App.Modules.Members.Features;
using Partage.App.Modules.Offices;
using Partage.App.Modules.Offices.Features;
using Partage.App.Security;
using Partage.Kernel;
using Partage.Persistence;

namespace Partage.Tests.Infrastructure;

/// <summary>
/// The people every authorization test needs: the demo accounts (Lille) plus a second office
/// (Paris) with its own manager, member and activity, so that every role has an owner and a
/// non-owner resource.
/// </summary>
public sealed record World(
    OfficeId Lille,
    OfficeId Paris,
    MemberId LilleMember,
    ActivityId LilleActivity,
    MemberId ParisMember,
    ActivityId ParisActivity,
    EmployerId LilleEmployer,
    EmployerId ParisEmployer,
    MemberId LilleApplicant)
{
    public const string Password = DemoSeeder.Password;
    public const string Admin = "admin@partage.test";
    public const string Finance = "finance@partage.test";
    public const string Payroll = "paie@partage.test";
    public const string Governance = "gouvernance@partage.test";
    public const string LilleManager = "gestionnaire@partage.test";
    public const string LilleMemberEmail = "membre@partage.test";
    public const string Employer = "employeur@partage.test";
    public const string ParisManager = "gestion.paris@partage.test";
    public const string ParisMemberEmail = "membre.paris@partage.test";
    public const string ParisEmployerEmail = "employeur.paris@partage.test";

    /// <summary>Registered in Lille, e-mail not confirmed, not approved: an applicant's account sees its application only.</summary>
    public const string LilleApplicantEmail = "candidat.lille@partage.test";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<PartageFactory, World> Built = [];

    public static async Task<World> OfAsync(PartageFactory factory)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Built.TryGetValue(factory, out var world))
            {
                world = await factory.InScopeAsync(BuildAsync);
                Built[factory] = world;
            }

            return world;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static NewMemberInput NewMember(OfficeId office, string email, string? password = null) => new()
    {
        FirstName = "Léa",
        LastName = "Martin",
        Email = email,
        Password = password,
        BirthDate = "1990-05-17",
        BirthPlace = "Paris",
        Gender = "Female",
        Street = "3 rue Oberkampf",
        PostalCode = "75011",
        City = "Paris",
        Trade = "dancer",
        OfficeId = office.ToString(),
        Iban = "FR76 3000 6000 0112 3456 7890 189",
        Nir = "290057511212353",
    };

    /// <summary>An employer of the contract-management service; <paramref name="siret"/> must be a valid SIRET of its own.</summary>
    /// <summary>A live-performance employer holds a licence valid to 2030, so that it may hire intermittents; each has its sector's first APE code (9499Z for "other").</summary>
    public static EmployerInput NewEmployer(OfficeId office, string name, string siret, string legalForm = "Association", string sector = "LivePerformance") =>
        new(name, legalForm, sector, siret, SectorActivityCodes.Of(Enum.Parse<App.Modules.Employers.EmployerSector>(sector)).FirstOrDefault() ?? "9499Z", "3090", "317 123456789", "Audiens 12345, Congés Spectacles 67890", "0.0123", "12", office.ToString(),
            "12 rue des Arts", "59000", "Lille", "compta@" + name.ToLowerInvariant().Replace(' ', '-') + ".fr", null)
        {
            LicenceNumber = sector == "LivePerformance" ? "PLATESV-D-2025-000417" : null,
            LicenceValidUntil = sector == "LivePerformance" ? "2030-12-31" : null,
        };

    private static async Task<World> BuildAsync(IServiceProvider s)
    {
        var offices = await s.GetRequiredService<IOfficesApi>().ListOfficesAsync();
        var lille = offices.Single(o => o.City == "Lille").Id;
        var paris = offices.Single(o => o.City == "Paris").Id;
        var users = s.GetRequiredService<UserManager<PartageUser>>();
        var managerUser = new PartageUser { Id = Guid.CreateVersion7(), UserName = ParisManager, Email = ParisManager, DisplayName = "Paul Gestion" };
        await users.CreateAsync(managerUser, Password);
        await users.AddToRoleAsync(managerUser, Roles.Manager);
        await s.GetRequiredService<CreateActivityManager>().HandleAsync(paris, new CreateActivityManagerInput("Paul", "Gestion", ParisManager, managerUser.Id), Actor.System);

        var parisMember = await s.GetRequiredService<CreateMember>().HandleAsync(NewMember(paris, ParisMemberEmail, Password), Actor.System);
        var activities = s.GetRequiredService<CreateActivity>();
        var parisActivity = await activities.HandleAsync(parisMember.Id,
            new CreateActivityInput("Compagnie Martin", "Danse contemporaine", LegalEntitiesReferenceData.Lna.ToString(), BusinessModules.Shows), Actor.System);

        var lilleMember = (await s.GetRequiredService<IMembersApi>().FindMemberIdByUserAsync((await users.FindByEmailAsync(LilleMemberEmail))!.Id))!.Value;
        var lilleActivity = (await s.GetRequiredService<IActivitiesApi>().ListForMemberAsync(lilleMember, Actor.System))[0].Id;
        var employerUser = new PartageUser { Id = Guid.CreateVersion7(), UserName = ParisEmployerEmail, Email = ParisEmployerEmail, DisplayName = "Théâtre de Paris" };
        await users.CreateAsync(employerUser, Password);
        await users.AddToRoleAsync(employerUser, Roles.Employer);
        var (employers, link) = (s.GetRequiredService<App.Modules.Employers.Features.CreateEmployer>(), s.GetRequiredService<App.Modules.Employers.Features.LinkEmployerUser>());
        var lilleEmployer = await employers.HandleAsync(NewEmployer(lille, "Festival du Nord", "80012345700015"), Actor.System);
        await link.HandleAsync(lilleEmployer.Id, Employer, Actor.System);
        var parisEmployer = await employers.HandleAsync(NewEmployer(paris, "Theatre de Paris", "80023456900013", "Sas"), Actor.System);
        await link.HandleAsync(parisEmployer.Id, ParisEmployerEmail, Actor.System);
        var applicant = await s.GetRequiredService<CreateMember>().RegisterAsync(NewMember(lille, LilleApplicantEmail, Password) with { Nir = null })
            ?? throw new InvalidOperationException("The applicant's registration was refused.");
        return new World(lille, paris, lilleMember, lilleActivity, parisMember.Id, parisActivity.Id, lilleEmployer.Id, parisEmployer.Id, applicant.Id);
    }
}
