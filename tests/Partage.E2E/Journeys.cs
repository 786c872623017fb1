using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Partage.Tests.Infrastructure;

namespace Partage.E2E;

/// <summary>The journeys of the foundation issue, in Chromium, with a screenshot at each end.</summary>
public class Journeys(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task FillRegistrationAsync(IPage page, string email, string iban)
    {
        await page.GotoAsync("/inscription");
        await page.GetByLabel("Prénom").FillAsync("Inès");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync("Lefèvre");
        await page.GetByLabel("Date de naissance").FillAsync("1992-07-03");
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Adresse", new() { Exact = true }).FillAsync("8 rue Solférino");
        await page.GetByLabel("Code postal").FillAsync("59000");
        await page.GetByLabel("Ville").FillAsync("Lille");
        await page.GetByLabel("IBAN (pour le versement des salaires)").FillAsync(iban);
        await page.GetByLabel("Métier").SelectOptionAsync(new SelectOptionValue { Label = "Graphistes / Web designers" });
        await page.GetByLabel("Bureau").SelectOptionAsync(new SelectOptionValue { Label = "Bureau de Lille" });
        await page.GetByLabel("Mot de passe (10 caractères").FillAsync("Inscription2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Demander mon adhésion" }).ClickAsync();
    }

    /// <summary>The link of the last e-mail sent to an address, as the person would click it.</summary>
    private async Task<string> LinkMailedToAsync(string email, string pattern)
    {
        var mails = await browser.App.InScopeAsync(s => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            System.Linq.Queryable.Where(s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<Partage.App.Infrastructure.Mail.OutboxMessage>(), m => m.To == email)));
        return System.Text.RegularExpressions.Regex.Match(mails.OrderBy(m => m.CreatedAt).Last().Body, pattern).Value;
    }

    /// <summary>Register → confirm the address by the e-mail's link → the office's manager approves → first sign-in → an activity opened for her.</summary>
    [Fact]
    public async Task MemberRegisters_ConfirmsTheAddress_ManagerApproves_SheSignsIn_AndGetsAnActivity()
    {
        await World.OfAsync(browser.App);
        var member = await browser.NewPageAsync();
        await FillRegistrationAsync(member, "ines.lefevre@exemple.fr", "FR76 3000 6000 0112 3456 7890 189");
        await Assertions.Expect(member.GetByText("Un e-mail vient de partir vers l'adresse indiquée")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(member, "01-registration-received");
        await member.GotoAsync(await LinkMailedToAsync("ines.lefevre@exemple.fr", @"/inscription/confirmer\?jeton=[A-Za-z0-9_-]+"));
        await member.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon adresse" }).ClickAsync();
        await Assertions.Expect(member.GetByText("Votre adresse est confirmée.")).ToBeVisibleAsync();

        var manager = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, World.LilleManager);
        await manager.GotoAsync("/membres/adhesions");
        await Assertions.Expect(manager.GetByRole(AriaRole.Link, new() { Name = "Lefèvre Inès" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, "01b-manager-applications-queue");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Accepter la demande de Inès Lefèvre" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("La demande est acceptée")).ToBeVisibleAsync();

        await BrowserFixture.SignInAsync(member, "ines.lefevre@exemple.fr", "Inscription2026");
        await Assertions.Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Bonjour Inès" })).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByText("Bureau de Lille")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(member, "01c-member-dashboard");

        await manager.GotoAsync("/membres");
        await manager.GetByLabel("Rechercher").FillAsync("lefevre");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await BrowserFixture.ScreenshotAsync(manager, "02-manager-finds-member");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Lefèvre Inès" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("FR76 •••• •••• 0189")).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Ouvrir une activité" }).ClickAsync();
        await manager.GetByLabel("Nom de l'activité").FillAsync("Studio Lefèvre");
        await manager.GetByLabel("Entité et module").SelectOptionAsync(new SelectOptionValue { Label = "SCIC SMart — Production de projets" });
        await manager.GetByLabel("Description").FillAsync("Identités visuelles pour compagnies de théâtre.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Ouvrir l'activité" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("L'activité a été ouverte.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, "03-manager-created-activity");

        await member.GotoAsync("/tableau-de-bord");
        await Assertions.Expect(member.GetByRole(AriaRole.Link, new() { Name = "Studio Lefèvre" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Member_OpensAnotherMembersActivity_GetsNotFound()
    {
        var world = await World.OfAsync(browser.App);
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, World.LilleMemberEmail);
        await page.GotoAsync($"/activites/{world.LilleActivity}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Quartet Durand" })).ToBeVisibleAsync();

        var response = await page.GotoAsync($"/activites/{world.ParisActivity}");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page introuvable" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Compagnie Martin")).ToHaveCountAsync(0);
        await BrowserFixture.ScreenshotAsync(page, "04-member-refused-other-activity");
    }

    [Fact]
    public async Task Registration_MalformedIban_FrenchMessageAndNothingSaved()
    {
        await World.OfAsync(browser.App);
        var page = await browser.NewPageAsync();
        await FillRegistrationAsync(page, "iban.faux@exemple.fr", "FR76 3000 6000 0112 3456 7890 188");
        await Assertions.Expect(page.GetByText("La clé de contrôle de l'IBAN est incorrecte.").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("Prénom")).ToHaveValueAsync("Inès");   // what was typed is kept
        await BrowserFixture.ScreenshotAsync(page, "05-registration-bad-iban");

        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, World.Admin);
        await admin.GotoAsync("/membres?q=iban.faux");
        await Assertions.Expect(admin.GetByText(new System.Text.RegularExpressions.Regex("^0 résultat — page"))).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Admin_OpensAnOffice_AndManagerSuspendsAnActivity()
    {
        var world = await World.OfAsync(browser.App);
        var admin = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(admin, World.Admin);
        await admin.GotoAsync("/bureaux");
        async Task OpenMetzAsync()
        {
            await admin.Locator("#Office_Name").FillAsync("Bureau de Metz");
            await admin.Locator("#Office_City").FillAsync("Metz");
            await admin.Locator("#Office_Street").FillAsync("2 place Saint-Louis");
            await admin.Locator("#Office_PostalCode").FillAsync("57000");
            await admin.Locator("#Office_OpeningDate").FillAsync("2026-12-01");
            await admin.GetByRole(AriaRole.Button, new() { Name = "Ouvrir" }).ClickAsync();
        }

        await OpenMetzAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "Bureau de Metz" })).ToBeVisibleAsync();
        await OpenMetzAsync();
        await Assertions.Expect(admin.GetByText("Un bureau porte déjà ce nom.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(admin, "06-admin-offices");

        var manager = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, World.LilleManager);
        await manager.GotoAsync($"/activites/{world.LilleActivity}");
        await manager.GetByLabel("Statut").SelectOptionAsync("Suspended");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Changer le statut" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Le statut a été modifié.")).ToBeVisibleAsync();
        await Assertions.Expect(manager.GetByRole(AriaRole.Definition).Filter(new() { HasText = "Suspendue" })).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, "07-manager-suspends-activity");
    }

    /// <summary>A member who forgot her password asks for a link, opens it from the e-mail, chooses a new one and signs in with it.</summary>
    [Fact]
    public async Task ForgottenPassword_ResetByTheEmailedLink_ThenSignIn()
    {
        await World.OfAsync(browser.App);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/connexion");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).ClickAsync();
        await page.GetByLabel("Adresse e-mail").FillAsync(World.ParisMemberEmail);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir le lien" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Si un compte Partage utilise cette adresse")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(page, "08-forgotten-password-sent");

        var mail = await browser.App.InScopeAsync(s => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            s.GetRequiredService<Partage.Persistence.PartageDbContext>().Set<Partage.App.Infrastructure.Mail.OutboxMessage>(), m => m.To == World.ParisMemberEmail));
        var link = System.Text.RegularExpressions.Regex.Match(mail.Body, @"/mot-de-passe/nouveau\?jeton=[A-Za-z0-9_-]+").Value;
        await page.GotoAsync(link);
        await page.GetByLabel("Nouveau mot de passe").FillAsync("Oublie-Puis-Retrouve-2026");
        await page.GetByLabel("Le même, une seconde fois").FillAsync("Oublie-Puis-Retrouve-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Mot de passe enregistré : connectez-vous avec le nouveau.")).ToBeVisibleAsync();

        await page.GetByLabel("Adresse e-mail").FillAsync(World.ParisMemberEmail);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("Oublie-Puis-Retrouve-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord$"), new() { Timeout = 90_000 });
        await BrowserFixture.ScreenshotAsync(page, "09-signed-in-with-the-new-password");
    }

    /// <summary>
    /// A member signs her contract with her civil name and the code e-mailed to her; her office's manager sees the evidence
    /// on the job's page and countersigns with a code of his own; the contract's last page prints both.
    /// </summary>
    [Fact]
    public async Task Contract_SignedWithTheEmailedCode_ThenCountersignedByTheManagerWithHisOwn()
    {
        var world = await Partage.Tests.Ledger.Books.OpenAsync(browser.App);
        var activity = await browser.App.InScopeAsync(s => s.GetRequiredService<Partage.App.Modules.Activities.Features.CreateActivity>().HandleAsync(world.LilleMember,   // its own: another journey suspends the member's first
            new Partage.App.Modules.Activities.Features.CreateActivityInput("Duo Signature", "Concerts", Partage.App.Modules.LegalEntities.LegalEntitiesReferenceData.Lna.ToString(), Partage.App.Modules.LegalEntities.BusinessModules.Shows), Partage.App.Security.Actor.System));
        await Partage.Tests.Payroll.Hiring.FundAsync(browser.App, activity.Id, 200_000);
        var owner = await browser.App.ActorAsync(World.LilleMemberEmail);
        var job = await Partage.Tests.Payroll.Hiring.DeclareAsync(browser.App, Partage.Tests.Payroll.Hiring.Artist(activity.Id, Partage.Tests.Payroll.Hiring.NextDay()), owner);

        var member = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(member, World.LilleMemberEmail);
        await member.GotoAsync($"/travaux/{job.Id}");
        await member.GetByRole(AriaRole.Button, new() { Name = "Recevoir un code par e-mail" }).ClickAsync();
        await Assertions.Expect(member.GetByText("Un code vient de partir vers m•••@partage.test")).ToBeVisibleAsync();
        await member.GetByLabel("Votre nom (signature)").FillAsync("Mickey Mouse");
        await member.GetByLabel("Code reçu par e-mail").FillAsync(await Partage.Tests.Payroll.Hiring.CodeAsync(browser.App, job));
        await member.GetByRole(AriaRole.Button, new() { Name = "Signer le contrat" }).ClickAsync();
        await Assertions.Expect(member.GetByText($"Tapez votre nom tel qu'il figure à votre état civil et sur le contrat : {job.MemberName}.").First).ToBeVisibleAsync();
        await member.GetByLabel("Votre nom (signature)").FillAsync(job.MemberName);
        await member.GetByLabel("Code reçu par e-mail").FillAsync(await Partage.Tests.Payroll.Hiring.CodeAsync(browser.App, job));
        await member.GetByRole(AriaRole.Button, new() { Name = "Signer le contrat" }).ClickAsync();
        await Assertions.Expect(member.GetByText($"{job.Number} signé.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(member, "13-member-signed-with-the-emailed-code");

        var manager = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(manager, World.LilleManager);
        await manager.GotoAsync($"/travaux/{job.Id}");
        await Assertions.Expect(manager.GetByRole(AriaRole.Term).Filter(new() { HasText = "Preuve de la signature" })).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Recevoir un code par e-mail" }).ClickAsync();
        await Assertions.Expect(manager.GetByText("Un code vient de partir vers")).ToBeVisibleAsync();
        await manager.GetByLabel("Votre nom (signature)").FillAsync(await BrowserFixture.AccountNameAsync(browser.App, World.LilleManager));
        await manager.GetByLabel("Code reçu par e-mail").FillAsync(await Partage.Tests.Payroll.Hiring.CodeAsync(browser.App, job));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Contre-signer pour la coopérative" }).ClickAsync();
        await Assertions.Expect(manager.GetByText($"{job.Number} contre-signé ; DPAE enregistrée.")).ToBeVisibleAsync();
        await BrowserFixture.ScreenshotAsync(manager, "14-manager-countersigned-with-his-code");
    }

    /// <summary>A staff account sets up its authenticator app from its account page, keeps its recovery codes, and signs in with a code.</summary>
    [Fact]
    public async Task Staff_SetsUpTotp_ThenSignsInWithTheCode()
    {
        await World.OfAsync(browser.App);
        var email = $"finance.totp.{Guid.NewGuid():N}@partage.test";
        await browser.App.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Partage.Persistence.PartageUser>>();
            var user = new Partage.Persistence.PartageUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = "Fanny Comptes" };
            await users.CreateAsync(user, World.Password);
            return await users.AddToRoleAsync(user, Partage.App.Security.Roles.Finance);
        });
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, email);
        await page.GotoAsync("/mon-compte");
        await page.GetByRole(AriaRole.Link, new() { Name = "Double authentification" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Configurer une application d'authentification" }).ClickAsync();
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "10-staff-totp-setup");
        await page.GetByLabel("Code à 6 chiffres").FillAsync(Partage.Tests.Http.TwoFactorTests.Code(browser.App, key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer la double authentification" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Vos codes de secours" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await BrowserFixture.ScreenshotAsync(page, "11-staff-recovery-codes");

        browser.App.Clock.Advance(TimeSpan.FromSeconds(30));   // the enrolment's code served once
        var again = await browser.NewPageAsync();
        await again.GotoAsync("/connexion");
        await again.GetByLabel("Adresse e-mail").FillAsync(email);
        await again.GetByLabel("Mot de passe").FillAsync(World.Password);
        await again.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Assertions.Expect(again).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/connexion/code$"), new() { Timeout = 90_000 });
        await again.GetByLabel("Code de l'application d'authentification").FillAsync("000000");
        await again.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(again.GetByText("Code incorrect ou déjà utilisé")).ToBeVisibleAsync();
        await again.GetByLabel("Code de l'application d'authentification").FillAsync(Partage.Tests.Http.TwoFactorTests.Code(browser.App, key));
        await again.GetByRole(AriaRole.Button, new() { Name = "Valider" }).ClickAsync();
        await Assertions.Expect(again).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tableau-de-bord$"), new() { Timeout = 90_000 });
        await BrowserFixture.ScreenshotAsync(again, "12-staff-signed-in-with-totp");
    }
}
