use super::Lang;

macro_rules! messages {
    ($($key:ident { nl: $nl:literal, fr: $fr:literal, en: $en:literal, ar: $ar:literal $(,)? })*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match self {
                    $(Msg::$key => match lang {
                        Lang::Nl => $nl,
                        Lang::Fr => $fr,
                        Lang::En => $en,
                        Lang::Ar => $ar,
                    }),*
                }
            }
        }
    };
}

messages! {
    SkipToContent { nl: "Ga naar de inhoud", fr: "Aller au contenu", en: "Skip to content", ar: "انتقل إلى المحتوى" }
    LanguageLabel { nl: "Taal", fr: "Langue", en: "Language", ar: "اللغة" }
    ChangeLanguage { nl: "Taal kiezen", fr: "Choisir la langue", en: "Choose language", ar: "اختر اللغة" }
    MainNavigation { nl: "Hoofdmenu", fr: "Menu principal", en: "Main menu", ar: "القائمة الرئيسية" }
    Home { nl: "Start", fr: "Accueil", en: "Home", ar: "الرئيسية" }
    MyDevices { nl: "Mijn apparaten", fr: "Mes appareils", en: "My devices", ar: "أجهزتي" }
    SignOut { nl: "Afmelden", fr: "Se déconnecter", en: "Sign out", ar: "تسجيل الخروج" }

    SignInTitle { nl: "Aanmelden", fr: "Se connecter", en: "Sign in", ar: "تسجيل الدخول" }
    SignInIntro {
        nl: "Welkom bij Brug. Meld je aan met je gebruikersnaam en wachtwoord.",
        fr: "Bienvenue sur Brug. Connectez-vous avec votre nom d'utilisateur et votre mot de passe.",
        en: "Welcome to Brug. Sign in with your username and password.",
        ar: "مرحبًا بك في Brug. سجّل الدخول باسم المستخدم وكلمة المرور.",
    }
    UsernameLabel { nl: "Gebruikersnaam", fr: "Nom d'utilisateur", en: "Username", ar: "اسم المستخدم" }
    PasswordLabel { nl: "Wachtwoord", fr: "Mot de passe", en: "Password", ar: "كلمة المرور" }
    SignInButton { nl: "Aanmelden", fr: "Se connecter", en: "Sign in", ar: "دخول" }
    SigningIn { nl: "Even geduld…", fr: "Un instant…", en: "One moment…", ar: "لحظة من فضلك…" }
    HaveACode {
        nl: "Heb je een code gekregen van je begeleider? Maak hier je account.",
        fr: "Vous avez reçu un code de votre accompagnateur ? Créez votre compte ici.",
        en: "Did your support worker give you a code? Create your account here.",
        ar: "هل أعطاك المرافق رمزًا؟ أنشئ حسابك هنا.",
    }
    SignedOutNotice {
        nl: "Je bent afgemeld.",
        fr: "Vous êtes déconnecté.",
        en: "You are signed out.",
        ar: "لقد سجّلت الخروج.",
    }

    HomeGreeting { nl: "Hallo, {name}", fr: "Bonjour, {name}", en: "Hello, {name}", ar: "مرحبًا، {name}" }
    YouAreSignedInAs {
        nl: "Je bent aangemeld als {role}.",
        fr: "Vous êtes connecté en tant que {role}.",
        en: "You are signed in as {role}.",
        ar: "أنت مسجّل الدخول بصفتك {role}.",
    }
    YourCircles { nl: "Jouw kring", fr: "Votre cercle", en: "Your circle", ar: "دائرتك" }
    CircleOf { nl: "De kring rond {name}", fr: "Le cercle autour de {name}", en: "The circle around {name}", ar: "الدائرة حول {name}" }
    CircleIntro {
        nl: "Dit zijn de mensen en diensten die betrokken zijn, en wat ze doen.",
        fr: "Voici les personnes et les services concernés, et ce qu'ils font.",
        en: "These are the people and services involved, and what they do.",
        ar: "هؤلاء هم الأشخاص والخدمات المعنيّة، وما يقومون به.",
    }
    YouInCircle { nl: "(jij)", fr: "(vous)", en: "(you)", ar: "(أنت)" }
    NoCasesYet {
        nl: "Je hoort nog bij geen kring. Je begeleider of coördinator kan je toevoegen.",
        fr: "Vous ne faites encore partie d'aucun cercle. Votre accompagnateur ou coordinateur peut vous ajouter.",
        en: "You are not part of a circle yet. Your support worker or coordinator can add you.",
        ar: "لست جزءًا من أي دائرة بعد. يمكن للمرافق أو المنسّق إضافتك.",
    }
    CircleNotShared {
        nl: "{name} heeft de kring nog niet met jou gedeeld. Dat beslist {name} zelf.",
        fr: "{name} n'a pas encore partagé le cercle avec vous. C'est {name} qui décide.",
        en: "{name} has not shared the circle with you yet. That is {name}'s choice.",
        ar: "لم يشارك {name} الدائرة معك بعد. هذا قرار {name}.",
    }
    CoordinatorHomeIntro {
        nl: "Als coördinator beheer je accounts en toewijzingen. Je leest geen dossiers waar je niet aan toegewezen bent.",
        fr: "En tant que coordinateur, vous gérez les comptes et les attributions. Vous ne lisez pas les dossiers auxquels vous n'êtes pas affecté.",
        en: "As coordinator you manage accounts and assignments. You do not read cases you are not assigned to.",
        ar: "بصفتك منسّقًا تدير الحسابات والتكليفات. لا تقرأ الملفات التي لم تُكلَّف بها.",
    }

    RoleParticipant { nl: "deelnemer", fr: "participant", en: "participant", ar: "مشارك" }
    RoleFamily { nl: "familielid", fr: "membre de la famille", en: "family member", ar: "فرد من العائلة" }
    RoleWorker { nl: "begeleider", fr: "intervenant", en: "support worker", ar: "مرافق" }
    RoleCoordinator { nl: "coördinator", fr: "coordinateur", en: "coordinator", ar: "منسّق" }

    CaseRoleJusticeAssistant { nl: "justitieassistent", fr: "assistant de justice", en: "justice assistant", ar: "مساعد العدالة" }
    CaseRolePsychosocialService { nl: "psychosociale dienst", fr: "service psychosocial", en: "psychosocial service", ar: "الخدمة النفسية الاجتماعية" }
    CaseRoleSocialWorker { nl: "maatschappelijk werker", fr: "assistant social", en: "social worker", ar: "أخصائي اجتماعي" }
    CaseRoleYouthCare { nl: "jeugdhulp", fr: "aide à la jeunesse", en: "youth care", ar: "رعاية الأطفال والشباب" }
    CaseRoleReligiousCounsellor { nl: "imam of aalmoezenier", fr: "imam ou aumônier", en: "imam or chaplain", ar: "إمام أو مرشد ديني" }
    CaseRoleBuddy { nl: "buddy", fr: "parrain ou marraine", en: "buddy", ar: "رفيق الدعم" }
    CaseRolePreventionCounsellor { nl: "medewerker hulpcentrum", fr: "conseiller du centre d'aide", en: "support-centre counsellor", ar: "مستشار مركز الدعم" }

    RelationMother { nl: "moeder", fr: "mère", en: "mother", ar: "الأم" }
    RelationFather { nl: "vader", fr: "père", en: "father", ar: "الأب" }
    RelationPartner { nl: "partner", fr: "partenaire", en: "partner", ar: "الشريك" }
    RelationSister { nl: "zus", fr: "sœur", en: "sister", ar: "الأخت" }
    RelationBrother { nl: "broer", fr: "frère", en: "brother", ar: "الأخ" }
    RelationChild { nl: "kind", fr: "enfant", en: "child", ar: "الابن أو الابنة" }
    RelationGuardian { nl: "voogd", fr: "tuteur", en: "guardian", ar: "الوصي" }
    RelationOther { nl: "familie", fr: "famille", en: "family", ar: "العائلة" }
    YourRole { nl: "je {role}", fr: "votre {role}", en: "your {role}", ar: "{role} في دائرتك" }
    FamilyOf { nl: "{relation} van {name}", fr: "{relation} de {name}", en: "{name}'s {relation}", ar: "{relation} — {name}" }

    JoinTitle { nl: "Account maken met je code", fr: "Créer un compte avec votre code", en: "Create your account with your code", ar: "أنشئ حسابك بالرمز" }
    JoinIntro {
        nl: "Je kreeg een code van je begeleider. Die is 7 dagen geldig en werkt één keer. Kies daarna zelf een gebruikersnaam en wachtwoord. Met een code om je wachtwoord te herstellen kies je hier een nieuw wachtwoord.",
        fr: "Votre accompagnateur vous a donné un code. Il est valable 7 jours et ne fonctionne qu'une fois. Choisissez ensuite un nom d'utilisateur et un mot de passe. Avec un code de réinitialisation, choisissez ici un nouveau mot de passe.",
        en: "Your support worker gave you a code. It works once and for 7 days. Then choose your own username and password. With a code to reset your password, choose a new password here.",
        ar: "أعطاك المرافق رمزًا. يعمل مرة واحدة ولمدة 7 أيام. ثم اختر اسم مستخدم وكلمة مرور. إذا كان الرمز لإعادة تعيين كلمة المرور، فاختر هنا كلمة مرور جديدة.",
    }
    CodeLabel { nl: "Code", fr: "Code", en: "Code", ar: "الرمز" }
    NewUsernameLabel { nl: "Kies een gebruikersnaam", fr: "Choisissez un nom d'utilisateur", en: "Choose a username", ar: "اختر اسم مستخدم" }
    UsernameHint {
        nl: "Begin met een letter. Gebruik 3 tot 32 tekens: kleine letters, cijfers, een punt of een streepje. Heb je een code voor een nieuw wachtwoord? Laat dit dan leeg.",
        fr: "Commencez par une lettre. Utilisez 3 à 32 caractères : lettres minuscules, chiffres, point ou tiret. Vous avez un code pour un nouveau mot de passe ? Laissez alors ce champ vide.",
        en: "Start with a letter. Use 3 to 32 characters: small letters, numbers, a dot or a dash. Do you have a code for a new password? Then leave this empty.",
        ar: "ابدأ بحرف. استخدم من 3 إلى 32 حرفًا: حروف لاتينية صغيرة أو أرقام أو نقطة أو شرطة. إذا كان معك رمز لكلمة مرور جديدة، فاترك هذا فارغًا.",
    }
    NewPasswordLabel { nl: "Kies een wachtwoord", fr: "Choisissez un mot de passe", en: "Choose a password", ar: "اختر كلمة مرور" }
    PasswordHint {
        nl: "Minstens 8 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.",
        fr: "Au moins 8 caractères. Une phrase de quelques mots est solide et facile à retenir.",
        en: "At least 8 characters. A sentence of a few words is strong and easy to remember.",
        ar: "8 أحرف على الأقل. جملة من بضع كلمات قوية وسهلة التذكّر.",
    }
    JoinButton { nl: "Doorgaan", fr: "Continuer", en: "Continue", ar: "متابعة" }
    JoinDone {
        nl: "Klaar. Je kan je nu aanmelden.",
        fr: "C'est fait. Vous pouvez maintenant vous connecter.",
        en: "Done. You can sign in now.",
        ar: "تمّ. يمكنك الآن تسجيل الدخول.",
    }

    DevicesTitle { nl: "Waar ben je aangemeld?", fr: "Où êtes-vous connecté ?", en: "Where are you signed in?", ar: "أين أنت مسجّل الدخول؟" }
    DevicesIntro {
        nl: "Herken je een apparaat niet? Meld het af. Wie het gebruikt, moet dan opnieuw aanmelden.",
        fr: "Vous ne reconnaissez pas un appareil ? Déconnectez-le. La personne qui l'utilise devra se reconnecter.",
        en: "Don't recognise a device? Sign it out. Whoever uses it will have to sign in again.",
        ar: "لا تعرف جهازًا؟ سجّل خروجه. من يستخدمه سيحتاج إلى تسجيل الدخول من جديد.",
    }
    ThisDevice { nl: "dit apparaat", fr: "cet appareil", en: "this device", ar: "هذا الجهاز" }
    SignedInSince { nl: "Aangemeld sinds {time}", fr: "Connecté depuis {time}", en: "Signed in since {time}", ar: "مسجّل الدخول منذ {time}" }
    LastActive { nl: "Laatst actief {time}", fr: "Dernière activité {time}", en: "Last active {time}", ar: "آخر نشاط {time}" }
    SignOutDevice { nl: "Dit apparaat afmelden", fr: "Déconnecter cet appareil", en: "Sign out this device", ar: "تسجيل خروج هذا الجهاز" }
    SignOutEverywhere { nl: "Overal afmelden", fr: "Se déconnecter partout", en: "Sign out everywhere", ar: "تسجيل الخروج من كل مكان" }
    WebBrowser { nl: "Webbrowser", fr: "Navigateur web", en: "Web browser", ar: "متصفح الويب" }

    NotFoundTitle { nl: "Deze pagina bestaat niet", fr: "Cette page n'existe pas", en: "This page does not exist", ar: "هذه الصفحة غير موجودة" }
    BackHome { nl: "Terug naar de startpagina", fr: "Retour à l'accueil", en: "Back to the home page", ar: "العودة إلى الصفحة الرئيسية" }
    Loading { nl: "Even laden…", fr: "Chargement…", en: "Loading…", ar: "جارٍ التحميل…" }

    ErrInvalidCredentials {
        nl: "Die gebruikersnaam en dat wachtwoord horen niet bij elkaar. Probeer het nog eens.",
        fr: "Ce nom d'utilisateur et ce mot de passe ne correspondent pas. Réessayez.",
        en: "That username and password do not match. Please try again.",
        ar: "اسم المستخدم وكلمة المرور غير متطابقين. حاول مرة أخرى.",
    }
    ErrWrongPassword {
        nl: "Dat is niet je huidige wachtwoord. Er is niets veranderd.",
        fr: "Ce n'est pas votre mot de passe actuel. Rien n'a changé.",
        en: "That is not your current password. Nothing was changed.",
        ar: "هذه ليست كلمة مرورك الحالية. لم يتغير شيء.",
    }
    ErrTooManyAttempts {
        nl: "Te veel pogingen na elkaar. Wacht een minuut en probeer dan opnieuw.",
        fr: "Trop de tentatives d'affilée. Attendez une minute, puis réessayez.",
        en: "Too many attempts in a row. Wait a minute, then try again.",
        ar: "محاولات كثيرة متتالية. انتظر دقيقة ثم حاول مرة أخرى.",
    }
    ErrCaseHasParticipant {
        nl: "Deze begeleiding heeft al een deelnemer. Er kan er maar één zijn.",
        fr: "Ce suivi a déjà un participant. Il ne peut y en avoir qu'un.",
        en: "This case already has its participant. There can be only one.",
        ar: "هذا الملف لديه مشارك بالفعل. لا يمكن أن يكون هناك إلا مشارك واحد.",
    }
    ErrAccountClosed {
        nl: "Dit account is afgesloten. Vraag de coördinator als de persoon terugkomt.",
        fr: "Ce compte est fermé. Adressez-vous au coordinateur si la personne revient.",
        en: "This account is closed. Ask the coordinator if the person comes back.",
        ar: "هذا الحساب مغلق. اسأل المنسق إذا عاد الشخص.",
    }
    ErrLastWorker {
        nl: "Iemand moet deze begeleiding overnemen: kies een collega die ze overneemt.",
        fr: "Quelqu'un doit reprendre ce suivi : choisissez un collègue qui le reprend.",
        en: "Someone has to take this case over: choose a colleague who takes it on.",
        ar: "يجب أن يتولى أحد هذا الملف: اختر زميلًا يتولاه.",
    }
    ErrParticipantStays {
        nl: "De deelnemer blijft in de eigen kring. Een begeleiding afsluiten gaat anders.",
        fr: "La personne accompagnée reste dans son propre cercle. Clôturer un suivi se fait autrement.",
        en: "The participant stays in their own circle. Closing a case is done differently.",
        ar: "يبقى المشارك في دائرته. إغلاق الملف يتم بطريقة أخرى.",
    }
    ErrTooManyStreams {
        nl: "Brug is al open op te veel plaatsen tegelijk. Sluit een ander venster of toestel en probeer opnieuw.",
        fr: "Brug est déjà ouvert à trop d'endroits à la fois. Fermez une autre fenêtre ou un autre appareil, puis réessayez.",
        en: "Brug is already open in too many places at once. Close another window or device, then try again.",
        ar: "Brug مفتوح في أماكن كثيرة في الوقت نفسه. أغلق نافذة أو جهازًا آخر ثم حاول مرة أخرى.",
    }
    ErrUnauthenticated {
        nl: "Je bent niet (meer) aangemeld. Meld je opnieuw aan.",
        fr: "Vous n'êtes pas (ou plus) connecté. Reconnectez-vous.",
        en: "You are not signed in (any more). Please sign in again.",
        ar: "لم تعد مسجّل الدخول. سجّل الدخول من جديد.",
    }
    ErrForbidden {
        nl: "Dit kan je niet openen met jouw account.",
        fr: "Votre compte ne permet pas d'ouvrir ceci.",
        en: "Your account cannot open this.",
        ar: "لا يمكن لحسابك فتح هذا.",
    }
    ErrNotInCircle {
        nl: "Je hoort niet bij deze kring, dus je kan dit niet zien.",
        fr: "Vous ne faites pas partie de ce cercle, vous ne pouvez donc pas voir ceci.",
        en: "You are not part of this circle, so you cannot see this.",
        ar: "لست جزءًا من هذه الدائرة، لذلك لا يمكنك رؤية هذا.",
    }
    ErrNotShared {
        nl: "Dit is niet met jou gedeeld.",
        fr: "Ceci n'a pas été partagé avec vous.",
        en: "This has not been shared with you.",
        ar: "لم تتم مشاركة هذا معك.",
    }
    ErrCrossSite {
        nl: "Brug heeft dit niet gedaan, omdat het niet uit Brug zelf kwam. Open Brug opnieuw en probeer het nog eens.",
        fr: "Brug n'a pas fait cette action, car elle ne venait pas de Brug. Ouvrez Brug à nouveau et réessayez.",
        en: "Brug did not do this, because it did not come from Brug itself. Open Brug again and try again.",
        ar: "لم ينفّذ Brug هذا الطلب لأنه لم يأتِ من Brug نفسه. افتح Brug من جديد وحاول مرة أخرى.",
    }
    ErrNotFound { nl: "Dat vinden we niet.", fr: "Introuvable.", en: "We cannot find that.", ar: "لم نجد ذلك." }
    ErrInvalidCode {
        nl: "Die code werkt niet. Ze is misschien al gebruikt of verlopen. Vraag je begeleider om een nieuwe.",
        fr: "Ce code ne fonctionne pas. Il a peut-être déjà servi ou expiré. Demandez-en un nouveau à votre accompagnateur.",
        en: "That code does not work. It may have been used or expired. Ask your support worker for a new one.",
        ar: "هذا الرمز لا يعمل. ربما استُخدم أو انتهت صلاحيته. اطلب رمزًا جديدًا من المرافق.",
    }
    ErrUsernameTaken {
        nl: "Die gebruikersnaam is al in gebruik. Kies een andere.",
        fr: "Ce nom d'utilisateur est déjà pris. Choisissez-en un autre.",
        en: "That username is already taken. Please choose another.",
        ar: "اسم المستخدم هذا مستخدم بالفعل. اختر اسمًا آخر.",
    }
    ErrInvalidUsername {
        nl: "Een gebruikersnaam begint met een letter. Hij heeft 3 tot 32 tekens: kleine letters, cijfers, een punt of een streepje.",
        fr: "Un nom d'utilisateur commence par une lettre. Il compte 3 à 32 caractères : lettres minuscules, chiffres, point ou tiret.",
        en: "A username starts with a letter. It has 3 to 32 characters: small letters, numbers, a dot or a dash.",
        ar: "يتكوّن اسم المستخدم من 3 إلى 32 حرفًا: حروف لاتينية صغيرة أو أرقام أو نقطة أو شرطة، ويبدأ بحرف.",
    }
    ErrPasswordTooShort {
        nl: "Kies een wachtwoord van minstens 8 tekens.",
        fr: "Choisissez un mot de passe d'au moins 8 caractères.",
        en: "Please choose a password of at least 8 characters.",
        ar: "اختر كلمة مرور من 8 أحرف على الأقل.",
    }
    ErrPasswordTooLong {
        nl: "Dat wachtwoord is te lang. Gebruik hoogstens 128 tekens.",
        fr: "Ce mot de passe est trop long. Utilisez 128 caractères au maximum.",
        en: "That password is too long. Use at most 128 characters.",
        ar: "كلمة المرور طويلة جدًا. استخدم 128 حرفًا على الأكثر.",
    }
    ErrPasswordTooCommon {
        nl: "Dat wachtwoord wordt heel vaak gebruikt en is makkelijk te raden. Kies iets anders.",
        fr: "Ce mot de passe est très courant et facile à deviner. Choisissez autre chose.",
        en: "That password is very common and easy to guess. Please choose something else.",
        ar: "كلمة المرور هذه شائعة جدًا وسهلة التخمين. اختر شيئًا آخر.",
    }
    ErrInvalidInput {
        nl: "Er klopt iets niet in wat je invulde. Kijk het even na.",
        fr: "Quelque chose ne va pas dans ce que vous avez saisi. Vérifiez, s'il vous plaît.",
        en: "Something in what you entered is not right. Please check it.",
        ar: "هناك خطأ في ما أدخلته. تحقّق منه من فضلك.",
    }
    ErrInternal {
        nl: "Er ging bij ons iets mis. Wat al bewaard was, blijft bewaard. Probeer het straks opnieuw.",
        fr: "Un problème est survenu chez nous. Ce qui était déjà enregistré reste enregistré. Réessayez plus tard.",
        en: "Something went wrong on our side. What was already saved stays saved. Please try again later.",
        ar: "حدث خطأ من جهتنا. ما حُفظ من قبل يبقى محفوظًا. حاول مرة أخرى لاحقًا.",
    }
    ErrUnavailable {
        nl: "Brug is even niet bereikbaar. Probeer het straks opnieuw.",
        fr: "Brug est momentanément indisponible. Réessayez plus tard.",
        en: "Brug is not available for a moment. Please try again later.",
        ar: "Brug غير متاح مؤقتًا. حاول مرة أخرى لاحقًا.",
    }
    InviteTitle { nl: "Iemand uitnodigen in deze kring", fr: "Inviter quelqu'un dans ce cercle", en: "Invite someone to this circle", ar: "دعوة شخص إلى هذه الدائرة" }
    InviteIntro {
        nl: "Brug werkt zonder e-mail. Je krijgt een code die je aan de persoon geeft, op papier of aan de telefoon.",
        fr: "Brug fonctionne sans e-mail. Vous recevez un code à donner à la personne, sur papier ou par téléphone.",
        en: "Brug works without email. You get a code to give to the person, on paper or by phone.",
        ar: "يعمل Brug بدون بريد إلكتروني. ستحصل على رمز تعطيه للشخص، على ورقة أو عبر الهاتف.",
    }
    NameLabel { nl: "Voornaam of roepnaam", fr: "Prénom ou surnom", en: "First name or the name they use", ar: "الاسم الأول أو الاسم المستعمل" }
    InviteeKindLabel { nl: "Wie is het?", fr: "Qui est-ce ?", en: "Who is it?", ar: "من هو؟" }
    RelationshipLabel { nl: "Familieband (voor een familielid)", fr: "Lien familial (pour un membre de la famille)", en: "Family tie (for a family member)", ar: "صلة القرابة (لفرد من العائلة)" }
    CreateCodeButton { nl: "Code maken", fr: "Créer un code", en: "Create a code", ar: "إنشاء رمز" }
    ResetCodeButton { nl: "Code voor nieuw wachtwoord", fr: "Code pour un nouveau mot de passe", en: "Code for a new password", ar: "رمز لكلمة مرور جديدة" }
    CodeTitle { nl: "De code om te geven", fr: "Le code à donner", en: "The code to give", ar: "الرمز الذي تعطيه" }
    CodeInstructions {
        nl: "Geef deze code aan de persoon. Ze werkt één keer en 7 dagen lang. De persoon opent Brug en kiest \"Heb je een code gekregen?\". Brug toont de code maar één keer.",
        fr: "Donnez ce code à la personne. Il fonctionne une fois, pendant 7 jours. La personne ouvre Brug et choisit « Vous avez reçu un code ? ». Brug n'affiche ce code qu'une fois.",
        en: "Give this code to the person. It works once, for 7 days. They open Brug and choose \"Did your support worker give you a code?\". Brug shows the code only this once.",
        ar: "أعطِ هذا الرمز للشخص. يعمل مرة واحدة ولمدة 7 أيام. يفتح الشخص Brug ويختار «هل أعطاك المرافق رمزًا؟». يعرض Brug الرمز هذه المرة فقط.",
    }
    AdminTitle { nl: "Beheer", fr: "Administration", en: "Administration", ar: "الإدارة" }
    OrganisationsTitle { nl: "Organisaties", fr: "Organisations", en: "Organisations", ar: "المنظمات" }
    NewOrganisationLabel { nl: "Naam van de organisatie", fr: "Nom de l'organisation", en: "Name of the organisation", ar: "اسم المنظمة" }
    AddButton { nl: "Toevoegen", fr: "Ajouter", en: "Add", ar: "إضافة" }
    WorkersTitle { nl: "Begeleiders", fr: "Intervenants", en: "Support workers", ar: "المرافقون" }
    InviteWorkerTitle { nl: "Een begeleider uitnodigen", fr: "Inviter un intervenant", en: "Invite a support worker", ar: "دعوة مرافق" }
    OrganisationLabel { nl: "Organisatie", fr: "Organisation", en: "Organisation", ar: "المنظمة" }
    CasesTitle { nl: "Kringen", fr: "Cercles", en: "Circles", ar: "الدوائر" }
    NewCaseLabel { nl: "Voornaam of roepnaam van de deelnemer", fr: "Prénom ou surnom du participant", en: "First name or nickname of the participant", ar: "الاسم الأول للمشارك أو الاسم الذي يُنادى به" }
    OpenCaseButton { nl: "Kring openen", fr: "Ouvrir un cercle", en: "Open a circle", ar: "فتح دائرة" }
    AssignTitle { nl: "Een begeleider toewijzen", fr: "Affecter un intervenant", en: "Assign a support worker", ar: "تكليف مرافق" }
    CaseLabel { nl: "Kring", fr: "Cercle", en: "Circle", ar: "الدائرة" }
    WorkerLabel { nl: "Begeleider", fr: "Intervenant", en: "Support worker", ar: "المرافق" }
    CaseRoleLabel { nl: "Rol in de kring", fr: "Rôle dans le cercle", en: "Role in the circle", ar: "الدور في الدائرة" }
    AssignButton { nl: "Toewijzen", fr: "Affecter", en: "Assign", ar: "تكليف" }
    SearchButton { nl: "Zoeken", fr: "Rechercher", en: "Search", ar: "بحث" }
    SearchPeopleLabel { nl: "Zoek een persoon (naam of gebruikersnaam)", fr: "Chercher une personne (nom ou nom d'utilisateur)", en: "Find a person (name or username)", ar: "ابحث عن شخص (الاسم أو اسم المستخدم)" }
    SearchCasesLabel { nl: "Zoek een dossier (naam van de deelnemer)", fr: "Chercher un dossier (nom du participant)", en: "Find a case (the participant's name)", ar: "ابحث عن ملف (اسم المشارك)" }
    MorePeople { nl: "Meer mensen", fr: "Plus de personnes", en: "More people", ar: "المزيد من الأشخاص" }
    MoreCases { nl: "Meer dossiers", fr: "Plus de dossiers", en: "More cases", ar: "المزيد من الملفات" }
    PeopleTitle { nl: "Mensen", fr: "Personnes", en: "People", ar: "الأشخاص" }
    PersonLabel { nl: "Persoon", fr: "Personne", en: "Person", ar: "الشخص" }
    Saved { nl: "Opgeslagen.", fr: "Enregistré.", en: "Saved.", ar: "تم الحفظ." }
    CircleRequestsTitle { nl: "Vragen over je kring", fr: "Demandes sur votre cercle", en: "Requests about your circle", ar: "طلبات بشأن دائرتك" }
    CircleRequestsTitleOther { nl: "Vragen van {name} over de kring", fr: "Demandes de {name} sur le cercle", en: "{name}'s requests about the circle", ar: "طلبات {name} بشأن الدائرة" }
    CircleRequestsIntro { nl: "Vraag om iemand uit te nodigen (familie of iemand die je vertrouwt), of om een andere begeleider. Een begeleider antwoordt je hier.", fr: "Demandez d'inviter quelqu'un (famille ou personne de confiance), ou un autre intervenant. Un intervenant vous répond ici.", en: "Ask for someone to be invited (family or someone you trust), or for another worker. A worker answers you here.", ar: "اطلب دعوة شخص (من العائلة أو شخص تثق به)، أو مرافقًا آخر. يجيبك مرافق هنا." }
    RequestInvite { nl: "iemand uitnodigen", fr: "inviter quelqu'un", en: "invite someone", ar: "دعوة شخص" }
    RequestReplaceWorker { nl: "een andere begeleider", fr: "un autre intervenant", en: "another worker", ar: "مرافق آخر" }
    RequestOpen { nl: "wacht op antwoord", fr: "en attente de réponse", en: "waiting for an answer", ar: "بانتظار الرد" }
    RequestAccepted { nl: "ja", fr: "oui", en: "yes", ar: "نعم" }
    RequestDeclined { nl: "nee", fr: "non", en: "no", ar: "لا" }
    RequestKindLegend { nl: "Wat vraag je?", fr: "Que demandez-vous ?", en: "What do you ask?", ar: "ماذا تطلب؟" }
    RequestAboutLabel { nl: "Wie (bij uitnodigen), bijvoorbeeld 'mijn tante Fatima'", fr: "Qui (pour une invitation), par exemple « ma tante Fatima »", en: "Who (to invite), for example 'my aunt Fatima'", ar: "من (للدعوة)، مثلًا «خالتي فاطمة»" }
    RequestWorkerLabel { nl: "Welke begeleider (bij een andere begeleider)", fr: "Quel intervenant (pour un autre intervenant)", en: "Which worker (for another worker)", ar: "أي مرافق (لمرافق آخر)" }
    RequestReasonLabel { nl: "Waarom", fr: "Pourquoi", en: "Why", ar: "لماذا" }
    AskButton { nl: "Vragen", fr: "Demander", en: "Ask", ar: "اطلب" }
    AnswerYesButton { nl: "Ja", fr: "Oui", en: "Yes", ar: "نعم" }
    AnswerNoButton { nl: "Nee (zeg waarom)", fr: "Non (dites pourquoi)", en: "No (say why)", ar: "لا (قل لماذا)" }
    RequestAnswerLabel { nl: "Je antwoord", fr: "Votre réponse", en: "Your answer", ar: "ردّك" }
    NoRequestsYet { nl: "Er zijn nog geen vragen.", fr: "Aucune demande pour l'instant.", en: "No requests yet.", ar: "لا توجد طلبات بعد." }
    CalendarReminder { nl: "Morgen: {what}", fr: "Demain : {what}", en: "Tomorrow: {what}", ar: "غدًا: {what}" }
    CalendarReminderToday { nl: "Vandaag: {what}", fr: "Aujourd'hui : {what}", en: "Today: {what}", ar: "اليوم: {what}" }
    PreferencesTitle { nl: "Wat mij helpt", fr: "Ce qui m'aide", en: "What helps me", ar: "ما يساعدني" }
    PreferencesIntro { nl: "Vertel je begeleiders hoe ze je goed bereiken. Jij beslist of zij dit zien; niemand anders ziet het.", fr: "Dites à vos intervenants comment bien vous joindre. C'est vous qui décidez s'ils le voient ; personne d'autre ne le voit.", en: "Tell your workers how to reach you well. You decide whether they see this; nobody else does.", ar: "أخبر المرافقين كيف يتواصلون معك بشكل جيد. أنت تقرر إن كانوا يرون هذا؛ لا أحد غيرهم يراه." }
    WorkerGenderLegend { nl: "Voor persoonlijke gesprekken liefst", fr: "Pour les entretiens personnels, de préférence", en: "For personal conversations, preferably", ar: "للمحادثات الشخصية، يُفضَّل" }
    GenderNoPreference { nl: "geen voorkeur", fr: "pas de préférence", en: "no preference", ar: "لا تفضيل" }
    GenderWoman { nl: "een vrouw", fr: "une femme", en: "a woman", ar: "امرأة" }
    GenderMan { nl: "een man", fr: "un homme", en: "a man", ar: "رجل" }
    InterpreterLabel { nl: "Een tolk nodig voor (taal; leeg als niet nodig)", fr: "Besoin d'un interprète pour (langue ; vide si non)", en: "An interpreter needed for (language; empty if not)", ar: "أحتاج إلى مترجم للغة (اتركه فارغًا إن لم يلزم)" }
    DayPartsLegend { nl: "Momenten die passen (school, opvang)", fr: "Moments qui conviennent (école, garde)", en: "Times that suit (school, child care)", ar: "الأوقات المناسبة (المدرسة، رعاية الأطفال)" }
    DayPartMorning { nl: "voormiddag (voor 12 uur)", fr: "matin (avant 12 h)", en: "mornings (before 12:00)", ar: "الصباح (قبل 12:00)" }
    DayPartAfternoon { nl: "namiddag (12 tot 17 uur)", fr: "après-midi (12 h à 17 h)", en: "afternoons (12:00 to 17:00)", ar: "بعد الظهر (من 12:00 إلى 17:00)" }
    DayPartEvening { nl: "avond (na 17 uur)", fr: "soir (après 17 h)", en: "evenings (after 17:00)", ar: "المساء (بعد 17:00)" }
    TimesNoteLabel { nl: "Over tijden, in je eigen woorden", fr: "Sur les horaires, avec vos mots", en: "About times, in your own words", ar: "عن الأوقات، بكلماتك" }
    ContactByLegend { nl: "Hoe je liefst gecontacteerd wordt", fr: "Comment vous préférez être contacté·e", en: "How you like to be contacted", ar: "كيف تفضّل أن يُتواصل معك" }
    ContactNoPreference { nl: "geen voorkeur", fr: "pas de préférence", en: "no preference", ar: "لا تفضيل" }
    ContactByMessage { nl: "met een bericht in Brug", fr: "par message dans Brug", en: "by message in Brug", ar: "برسالة في Brug" }
    ContactByPhone { nl: "telefonisch", fr: "par téléphone", en: "by phone", ar: "بالهاتف" }
    ContactInPerson { nl: "in persoon", fr: "en personne", en: "in person", ar: "شخصيًا" }
    WhatHelpsLabel { nl: "Wat helpt", fr: "Ce qui aide", en: "What helps", ar: "ما يساعد" }
    WhatToAvoidLabel { nl: "Wat je liever vermijdt", fr: "Ce qu'il vaut mieux éviter", en: "What to avoid", ar: "ما يُفضَّل تجنّبه" }
    ShownToWorkersLabel { nl: "Mijn begeleiders mogen dit zien", fr: "Mes intervenants peuvent voir ceci", en: "My workers may see this", ar: "يمكن للمرافقين رؤية هذا" }
    PreferencesOfCircleTitle { nl: "Wat de mensen in deze kring vroegen", fr: "Ce que les personnes de ce cercle ont demandé", en: "What the people in this circle asked for", ar: "ما طلبه أفراد هذه الدائرة" }
    PlanDespitePreferences { nl: "Toch op dit moment plannen", fr: "Planifier quand même à ce moment", en: "Plan it at this time anyway", ar: "التخطيط في هذا الوقت على أي حال" }
    CategoryPreferences { nl: "wat je helpt", fr: "ce qui vous aide", en: "what helps you", ar: "ما يساعدك" }
    SeeOriginal { nl: "Zoals het geschreven is ({language})", fr: "Tel que c'était écrit ({language})", en: "As it was written ({language})", ar: "كما كُتب في الأصل ({language})" }
    TranslationsTitle { nl: "Vertalingen", fr: "Traductions", en: "Translations", ar: "الترجمات" }
    SaveTranslation { nl: "Vertaling bewaren", fr: "Enregistrer la traduction", en: "Save the translation", ar: "حفظ الترجمة" }
    AssignedWorkers { nl: "Begeleiders: {names}", fr: "Intervenants : {names}", en: "Support workers: {names}", ar: "المرافقون: {names}" }
    NoneYet { nl: "nog niemand", fr: "personne pour l'instant", en: "nobody yet", ar: "لا أحد بعد" }
    PhaseInDetention { nl: "in de gevangenis", fr: "en prison", en: "in prison", ar: "في السجن" }
    PhaseLeave { nl: "met verlof", fr: "en congé pénitentiaire", en: "on leave from prison", ar: "في إجازة من السجن" }
    PhaseConditionalRelease {
        nl: "voorwaardelijke vrijlating of enkelband",
        fr: "libération conditionnelle ou surveillance électronique",
        en: "conditional release or electronic monitoring",
        ar: "الإفراج المشروط أو المراقبة الإلكترونية",
    }
    PhaseAfterCare { nl: "hulp na de vrijlating", fr: "suivi après la libération", en: "support after release", ar: "المتابعة بعد الإفراج" }
    PhaseClosed { nl: "afgerond", fr: "clôturé", en: "closed", ar: "مُنتهٍ" }
    StatusPlanned { nl: "gepland", fr: "prévu", en: "planned", ar: "مخطَّط" }
    StatusInProgress { nl: "bezig", fr: "en cours", en: "in progress", ar: "قيد التنفيذ" }
    StatusDone { nl: "gedaan", fr: "fait", en: "done", ar: "تمّ" }
    StatusPostponed { nl: "uitgesteld", fr: "reporté", en: "postponed", ar: "مؤجَّل" }
    StatusNotGoingAhead { nl: "gaat niet door", fr: "n'aura pas lieu", en: "not going ahead", ar: "لن يتمّ" }
    TrajectoryTitle { nl: "Jouw traject", fr: "Votre parcours", en: "Your trajectory", ar: "مسارك" }
    TrajectoryOf { nl: "Het traject van {name}", fr: "Le parcours de {name}", en: "{name}'s trajectory", ar: "مسار {name}" }
    TrajectoryIntro {
        nl: "Alle stappen, ook na de vrijlating. Bij elke stap staat wie beslist en waarom, en elke wijziging met haar reden.",
        fr: "Toutes les étapes, aussi après la libération. Pour chaque étape : qui décide et pourquoi, et chaque changement avec sa raison.",
        en: "Every step, also after release. Each step says who decides and why, and every change with its reason.",
        ar: "كل الخطوات، حتى بعد الإفراج. لكل خطوة: من يقرّر ولماذا، وكل تغيير مع سببه.",
    }
    CurrentPhase { nl: "Nu: {phase}", fr: "Maintenant : {phase}", en: "Now: {phase}", ar: "الآن: {phase}" }
    WhyItMatters { nl: "Waarom dit belangrijk is", fr: "Pourquoi c'est important", en: "Why it matters", ar: "لماذا هذا مهم" }
    WhoDecides { nl: "Wie beslist", fr: "Qui décide", en: "Who decides", ar: "من يقرّر" }
    WhatIsNeeded { nl: "Wat er nodig is", fr: "Ce qu'il faut", en: "What is needed", ar: "ما هو مطلوب" }
    ExpectedDate { nl: "Verwachte datum", fr: "Date prévue", en: "Expected date", ar: "التاريخ المتوقَّع" }
    NoDateYet { nl: "nog geen datum", fr: "pas encore de date", en: "no date yet", ar: "لا تاريخ بعد" }
    StatusLabel { nl: "Stand van zaken", fr: "Où on en est", en: "Status", ar: "الحالة" }
    HistoryTitle { nl: "Wat er veranderde", fr: "Ce qui a changé", en: "What changed", ar: "ما الذي تغيّر" }
    HistoryLine { nl: "{when}, {who}: {change}. Reden: {reason}", fr: "{when}, {who} : {change}. Raison : {reason}", en: "{when}, {who}: {change}. Reason: {reason}", ar: "{when}، {who}: {change}. السبب: {reason}" }
    NextStepTitle { nl: "Je volgende stap", fr: "Votre prochaine étape", en: "Your next step", ar: "خطوتك التالية" }
    NextStepTitleOther { nl: "Volgende stap van {name}", fr: "Prochaine étape de {name}", en: "{name}'s next step", ar: "الخطوة التالية لـ{name}" }
    DateMovedFrom { nl: "Nieuwe datum sinds je laatst keek (eerst: {date})", fr: "Nouvelle date depuis votre dernière visite (avant : {date})", en: "New date since you last looked (was: {date})", ar: "تاريخ جديد منذ آخر مرة نظرت فيها (كان: {date})" }
    NoNextStep { nl: "Er staat nu geen volgende stap gepland.", fr: "Aucune prochaine étape n'est prévue pour l'instant.", en: "No next step is planned right now.", ar: "لا توجد خطوة تالية مخطَّطة الآن." }
    SeeTrajectory { nl: "Bekijk het hele traject", fr: "Voir tout le parcours", en: "See the whole trajectory", ar: "اطّلع على المسار كاملًا" }
    NoMilestonesYet { nl: "Er zijn nog geen stappen ingevuld.", fr: "Aucune étape n'a encore été ajoutée.", en: "No steps have been added yet.", ar: "لم تُضَف أي خطوات بعد." }
    AddMilestoneTitle { nl: "Een stap toevoegen", fr: "Ajouter une étape", en: "Add a step", ar: "إضافة خطوة" }
    ChangeMilestoneTitle { nl: "Deze stap wijzigen", fr: "Modifier cette étape", en: "Change this step", ar: "تعديل هذه الخطوة" }
    TitleLabel { nl: "Titel", fr: "Titre", en: "Title", ar: "العنوان" }
    ExplanationLabel { nl: "Uitleg in gewone woorden", fr: "Explication en mots simples", en: "Explanation in plain words", ar: "شرح بكلمات بسيطة" }
    PhaseLabel { nl: "Fase", fr: "Phase", en: "Phase", ar: "المرحلة" }
    ReasonLabel { nl: "Reden van de wijziging", fr: "Raison du changement", en: "Reason for the change", ar: "سبب التغيير" }
    SaveButton { nl: "Opslaan", fr: "Enregistrer", en: "Save", ar: "حفظ" }
    ErrReasonRequired {
        nl: "Schrijf kort waarom. De anderen lezen dit.",
        fr: "Écrivez brièvement pourquoi. Les autres le liront.",
        en: "Write briefly why. The others will read it.",
        ar: "اكتب باختصار السبب. سيقرأه الآخرون.",
    }
    ErrInvalidDate {
        nl: "Die datum klopt niet. Gebruik de vorm jjjj-mm-dd.",
        fr: "Cette date n'est pas valable. Utilisez la forme aaaa-mm-jj.",
        en: "That date is not valid. Use the form yyyy-mm-dd.",
        ar: "هذا التاريخ غير صالح. استخدم الصيغة yyyy-mm-dd.",
    }
    AccessLogTitle { nl: "Wie keek in mijn dossier?", fr: "Qui a consulté mon dossier ?", en: "Who looked at my file?", ar: "من اطّلع على ملفي؟" }
    AccessLogTitleOther { nl: "Wie keek in het dossier van {name}?", fr: "Qui a consulté le dossier de {name} ?", en: "Who looked at {name}'s file?", ar: "من اطّلع على ملف {name}؟" }
    AccessLogIntro {
        nl: "Hier zie je wie je gegevens bekeek of veranderde. Je ziet ook wanneer, wat en in welke rol. Ook als jij deze lijst bekijkt, schrijft Brug dat op.",
        fr: "Vous voyez ici qui a regardé ou modifié vos données. Vous voyez aussi quand, quoi et dans quel rôle. Quand vous regardez cette liste, Brug le note aussi.",
        en: "Here you see who looked at or changed your information. You also see when, what, and in what role. When you look at this list, Brug writes that down too.",
        ar: "هنا ترى من اطّلع على معلوماتك أو غيّرها. وترى أيضًا متى، وماذا، وبأي صفة. وعندما تنظر في هذه القائمة، يسجّل Brug ذلك أيضًا.",
    }
    AccessLogIntroOther {
        nl: "Hier zie je wie de gegevens van {name} bekeek of veranderde, wanneer, wat en in welke rol. {name} ziet dezelfde lijst. Ook als jij deze lijst bekijkt, schrijft Brug dat op.",
        fr: "Vous voyez ici qui a regardé ou modifié les données de {name}, quand, quoi et dans quel rôle. {name} voit la même liste. Quand vous regardez cette liste, Brug le note aussi.",
        en: "Here you see who looked at or changed {name}'s information, when, what, and in what role. {name} sees the same list. When you look at this list, Brug writes that down too.",
        ar: "هنا ترى من اطّلع على معلومات {name} أو غيّرها، ومتى، وماذا، وبأي صفة. يرى {name} القائمة نفسها. وعندما تنظر في هذه القائمة، يسجّل Brug ذلك أيضًا.",
    }
    OlderEntries { nl: "Oudere regels", fr: "Lignes plus anciennes", en: "Older entries", ar: "سجلات أقدم" }
    AccessSummaryTitle { nl: "De afgelopen zeven dagen", fr: "Les sept derniers jours", en: "The last seven days", ar: "الأيام السبعة الماضية" }
    AccessSummaryNobody {
        nl: "Niemand anders keek de afgelopen zeven dagen.",
        fr: "Personne d'autre n'a rien consulté ces sept derniers jours.",
        en: "Nobody else looked in the last seven days.",
        ar: "لم يطّلع أحد غيرك خلال الأيام السبعة الماضية.",
    }
    CategoryWholeFile { nl: "het dossier", fr: "le dossier", en: "the file", ar: "الملف" }
    SomeoneOutside { nl: "iemand buiten de kring", fr: "quelqu'un hors du cercle", en: "someone outside the circle", ar: "شخص من خارج الدائرة" }
    CategoryCircle { nl: "de kring", fr: "le cercle", en: "the circle", ar: "الدائرة" }
    CategoryTrajectory { nl: "het traject", fr: "le parcours", en: "the trajectory", ar: "المسار" }
    CategoryReunification { nl: "de hereniging", fr: "les retrouvailles familiales", en: "the reunification", ar: "لمّ الشمل" }
    CategoryAppointments { nl: "de afspraken", fr: "les rendez-vous", en: "the appointments", ar: "المواعيد" }
    CategorySharing { nl: "wie wat ziet", fr: "qui voit quoi", en: "who sees what", ar: "من يرى ماذا" }
    ActionLookedAtFile { nl: "bekeek het dossier", fr: "a consulté le dossier", en: "looked at the file", ar: "اطّلع على الملف" }
    CategoryAccessLog { nl: "deze lijst", fr: "cette liste", en: "this list", ar: "هذه القائمة" }
    ActionLookedAt { nl: "bekeek {what}", fr: "a consulté {what}", en: "looked at {what}", ar: "اطّلع على {what}" }
    ActionAddedStep { nl: "voegde een stap toe aan het traject", fr: "a ajouté une étape au parcours", en: "added a step to the trajectory", ar: "أضاف خطوة إلى المسار" }
    ActionChangedStep { nl: "veranderde een stap in het traject", fr: "a modifié une étape du parcours", en: "changed a step in the trajectory", ar: "غيّر خطوة في المسار" }
    ActionChangedPhase { nl: "noteerde een nieuwe fase van de begeleiding", fr: "a noté une nouvelle phase du suivi", en: "recorded a new phase of the case", ar: "سجّل مرحلة جديدة للملف" }
    ActionAddedMember { nl: "voegde iemand toe aan de kring", fr: "a ajouté quelqu'un au cercle", en: "added someone to the circle", ar: "أضاف شخصًا إلى الدائرة" }
    ActionInvited { nl: "maakte een uitnodiging", fr: "a créé une invitation", en: "created an invitation", ar: "أنشأ دعوة" }
    ActionJoined { nl: "maakte een account met een uitnodiging", fr: "a créé un compte avec une invitation", en: "created an account with an invitation", ar: "أنشأ حسابًا بدعوة" }
    ActionResetCode { nl: "gaf een code voor een nieuw wachtwoord", fr: "a donné un code pour un nouveau mot de passe", en: "gave a code for a new password", ar: "أعطى رمزًا لكلمة مرور جديدة" }
    ActionStandInStarted {
        nl: "liet een collega de berichten lezen en beantwoorden tijdens een afwezigheid",
        fr: "a confié la lecture et la réponse aux messages à un collègue pendant une absence",
        en: "let a colleague read and answer the messages while away",
        ar: "سمح لزميل بقراءة الرسائل والرد عليها أثناء الغياب",
    }
    ActionStandInEnded {
        nl: "is terug; de collega leest de berichten niet meer",
        fr: "est de retour ; le collègue ne lit plus les messages",
        en: "is back; the colleague no longer reads the messages",
        ar: "عاد؛ لم يعد الزميل يقرأ الرسائل",
    }
    ActionAccountDisabled {
        nl: "sloot de account af van iemand die vertrok; die kan niet meer aanmelden",
        fr: "a fermé le compte d'une personne partie ; elle ne peut plus se connecter",
        en: "closed the account of someone who left; they can no longer sign in",
        ar: "أغلق حساب شخص غادر؛ لم يعد بإمكانه تسجيل الدخول",
    }
    ActionMembershipEnded {
        nl: "haalde iemand uit de kring, of verliet hem",
        fr: "a retiré quelqu'un du cercle, ou l'a quitté",
        en: "took someone out of the circle, or left it",
        ar: "أخرج شخصًا من الدائرة، أو غادرها",
    }
    ActionCaseHandedOver {
        nl: "droeg de begeleiding over aan een collega, met de gesprekken en plannen",
        fr: "a transmis le suivi à un collègue, avec les conversations et les plans",
        en: "handed the case over to a colleague, with its conversations and plans",
        ar: "سلّم الملف إلى زميل، مع المحادثات والخطط",
    }
    RemoveFromCircleButton { nl: "Uit de kring halen", fr: "Retirer du cercle", en: "Take out of the circle", ar: "إخراج من الدائرة" }
    RemoveFromCircleConfirm {
        nl: "{name} ziet dan niets meer van deze kring. Je kunt later opnieuw uitnodigen.",
        fr: "{name} ne verra alors plus rien de ce cercle. Vous pourrez inviter à nouveau plus tard.",
        en: "{name} will then see nothing of this circle any more. You can invite again later.",
        ar: "لن يرى {name} بعد ذلك شيئًا من هذه الدائرة. يمكنك الدعوة مرة أخرى لاحقًا.",
    }
    LeaveCircleButton { nl: "Deze kring verlaten", fr: "Quitter ce cercle", en: "Leave this circle", ar: "مغادرة هذه الدائرة" }
    LeaveCircleConfirm {
        nl: "Je ziet dan niets meer van deze kring. Wie je uitnodigde, kan je opnieuw uitnodigen.",
        fr: "Vous ne verrez alors plus rien de ce cercle. La personne qui vous a invité peut vous inviter à nouveau.",
        en: "You will then see nothing of this circle any more. Whoever invited you can invite you again.",
        ar: "لن ترى بعد ذلك شيئًا من هذه الدائرة. يمكن لمن دعاك أن يدعوك مرة أخرى.",
    }
    HandOverTitle { nl: "Begeleiding overdragen", fr: "Transmettre un suivi", en: "Hand a case over", ar: "تسليم ملف" }
    HandOverIntro {
        nl: "Wie vertrekt, draagt over: de opvolger krijgt de gesprekken en neemt de plaats in de plannen over. Zonder opvolger kan alleen wie niet de laatste begeleider is.",
        fr: "Qui part transmet : le successeur reçoit les conversations et prend sa place dans les plans. Sans successeur, seulement si ce n'est pas le dernier accompagnateur.",
        en: "Whoever leaves hands over: the successor gets the conversations and takes their place in the plans. Without a successor, only when they are not the last worker.",
        ar: "من يغادر يسلّم: يحصل الخلف على المحادثات ويأخذ مكانه في الخطط. بدون خلف، فقط إذا لم يكن آخر مرافق.",
    }
    LeavingWorkerLabel { nl: "Wie vertrekt", fr: "Qui part", en: "Who leaves", ar: "من يغادر" }
    SuccessorLabel { nl: "Wie neemt over", fr: "Qui reprend", en: "Who takes over", ar: "من يتولى" }
    NoSuccessor { nl: "niemand (er blijft een andere begeleider)", fr: "personne (un autre accompagnateur reste)", en: "nobody (another worker stays)", ar: "لا أحد (يبقى مرافق آخر)" }
    HandOverButton { nl: "Overdragen", fr: "Transmettre", en: "Hand over", ar: "تسليم" }
    DisableAccountButton { nl: "Account afsluiten", fr: "Fermer le compte", en: "Close the account", ar: "إغلاق الحساب" }
    AccountDisabledLabel { nl: "afgesloten", fr: "fermé", en: "closed", ar: "مغلق" }
    ActionPasswordReset { nl: "koos een nieuw wachtwoord", fr: "a choisi un nouveau mot de passe", en: "chose a new password", ar: "اختار كلمة مرور جديدة" }
    ActionOpenedCase { nl: "opende de kring", fr: "a ouvert le cercle", en: "opened the circle", ar: "فتح الدائرة" }
    ActionExported { nl: "nam een kopie van de eigen gegevens", fr: "a pris une copie de ses données", en: "took a copy of their own data", ar: "أخذ نسخة من بياناته الخاصة" }
    MyDataTitle { nl: "Jouw gegevens bij Brug", fr: "Vos données chez Brug", en: "Your data at Brug", ar: "بياناتك في Brug" }
    MyDataIntro {
        nl: "Dit is alles wat Brug over jou bewaart en wat je schreef, zoals het was op {time}. Je kunt deze pagina afdrukken of als PDF bewaren.",
        fr: "Voici tout ce que Brug garde à votre sujet et ce que vous avez écrit, tel que c'était le {time}. Vous pouvez imprimer cette page ou l'enregistrer en PDF.",
        en: "This is everything Brug keeps about you and what you wrote, as it was on {time}. You can print this page or save it as a PDF.",
        ar: "هذا كل ما يحفظه Brug عنك وما كتبته، كما كان في {time}. يمكنك طباعة هذه الصفحة أو حفظها بصيغة PDF.",
    }
    MyDataAboutYou { nl: "Over jou", fr: "À votre sujet", en: "About you", ar: "عنك" }
    MyDataName { nl: "Naam", fr: "Nom", en: "Name", ar: "الاسم" }
    MyDataUsername { nl: "Gebruikersnaam", fr: "Nom d'utilisateur", en: "User name", ar: "اسم المستخدم" }
    MyDataAccountSince { nl: "Account sinds", fr: "Compte depuis", en: "Account since", ar: "الحساب منذ" }
    MyDataOrganisation { nl: "Organisatie", fr: "Organisation", en: "Organisation", ar: "المنظمة" }
    MyDataOwnCircle { nl: "Jouw kring", fr: "Votre cercle", en: "Your circle", ar: "دائرتك" }
    MyDataCircleOf { nl: "De kring van {name}", fr: "Le cercle de {name}", en: "{name}'s circle", ar: "دائرة {name}" }
    MyDataInCircleSince { nl: "In de kring sinds {time}", fr: "Dans le cercle depuis le {time}", en: "In the circle since {time}", ar: "في الدائرة منذ {time}" }
    MyDataLeftCircle { nl: "Uit de kring sinds {time}", fr: "Plus dans le cercle depuis le {time}", en: "Left the circle on {time}", ar: "خرج من الدائرة في {time}" }
    MyDataWorkerCopy {
        nl: "Jouw kopie bevat je eigen gegevens en berichten, niet het dossier van wie je begeleidt.",
        fr: "Votre copie contient vos propres données et messages, pas le dossier des personnes que vous accompagnez.",
        en: "Your copy holds your own data and messages, not the file of the people you support.",
        ar: "تحتوي نسختك على بياناتك ورسائلك الخاصة، وليس على ملف الأشخاص الذين تدعمهم.",
    }
    MyDataNothingShared { nl: "Van deze kring wordt niets met jou gedeeld.", fr: "Rien de ce cercle n'est partagé avec vous.", en: "Nothing of this circle is shared with you.", ar: "لا تتم مشاركة أي شيء من هذه الدائرة معك." }
    MyDataSettingsTitle { nl: "Jouw gegevens", fr: "Vos données", en: "Your data", ar: "بياناتك" }
    MyDataSettingsIntro {
        nl: "Lees alles wat Brug over jou bewaart, of neem het mee als bestand. Wie in je dossier kijkt, ziet dat je een kopie nam.",
        fr: "Lisez tout ce que Brug garde à votre sujet, ou emportez-le dans un fichier. Votre dossier garde une trace de cette copie.",
        en: "Read everything Brug keeps about you, or take it with you as a file. Your file records that you took a copy.",
        ar: "اقرأ كل ما يحفظه Brug عنك، أو خذه معك كملف. يسجّل ملفك أنك أخذت نسخة.",
    }
    MyDataReadLink { nl: "Lees en druk je gegevens af", fr: "Lire et imprimer vos données", en: "Read and print your data", ar: "اقرأ بياناتك واطبعها" }
    MyDataDownloadLink { nl: "Download als bestand (JSON)", fr: "Télécharger en fichier (JSON)", en: "Download as a file (JSON)", ar: "تنزيل كملف (JSON)" }
    ErasureTitle { nl: "Je account laten wissen", fr: "Faire effacer votre compte", en: "Have your account erased", ar: "طلب حذف حسابك" }
    ErasureIntro {
        nl: "Je kunt vragen om je account te wissen. Een coördinator beslist. Zegt die ja, dan stopt je account meteen; je naam en je gegevens worden gewist na de bewaartermijn, en daarna ook wat je schreef. Soms moet een dienst iets bewaren volgens de wet: dan lees je hier waarom.",
        fr: "Vous pouvez demander l'effacement de votre compte. Un coordinateur décide. S'il accepte, votre compte s'arrête aussitôt ; votre nom et vos données sont effacés après le délai de conservation, puis ce que vous avez écrit. Parfois un service doit garder quelque chose selon la loi : vous lisez alors ici pourquoi.",
        en: "You can ask for your account to be erased. A coordinator decides. If they say yes, your account stops at once; your name and your data are erased after the retention period, and then what you wrote. Sometimes a service must keep something by law: then you read here why.",
        ar: "يمكنك طلب حذف حسابك. يقرر ذلك منسق. إذا وافق، يتوقف حسابك فورًا؛ ويُحذف اسمك وبياناتك بعد مدة الحفظ، ثم ما كتبته. أحيانًا يجب على الخدمة الاحتفاظ بشيء بحكم القانون: عندها تقرأ هنا السبب.",
    }
    ErasureReasonLabel { nl: "Waarom (als je dat wilt zeggen)", fr: "Pourquoi (si vous voulez le dire)", en: "Why (if you want to say)", ar: "لماذا (إن أردت أن تقول)" }
    ErasureAskButton { nl: "Vraag om mijn account te wissen", fr: "Demander l'effacement de mon compte", en: "Ask for my account to be erased", ar: "اطلب حذف حسابي" }
    ErasureAskedOn {
        nl: "Je vroeg op {time} om je account te wissen. Een coördinator antwoordt binnenkort.",
        fr: "Vous avez demandé le {time} l'effacement de votre compte. Un coordinateur répond bientôt.",
        en: "You asked on {time} for your account to be erased. A coordinator answers soon.",
        ar: "طلبت في {time} حذف حسابك. سيجيب منسق قريبًا.",
    }
    ErasureConfirmedUntil { nl: "Je account is gestopt. Je gegevens worden gewist op {time}.", fr: "Votre compte est arrêté. Vos données seront effacées le {time}.", en: "Your account has stopped. Your data is erased on {time}.", ar: "توقف حسابك. ستُحذف بياناتك في {time}." }
    ErasureDeclinedBecause { nl: "Een coördinator kan je account nu niet wissen, omdat:", fr: "Un coordinateur ne peut pas effacer votre compte maintenant, car :", en: "A coordinator cannot erase your account now, because:", ar: "لا يستطيع المنسق حذف حسابك الآن، لأن:" }
    ErasureRequestsTitle { nl: "Vragen om gewist te worden", fr: "Demandes d'effacement", en: "Requests to be erased", ar: "طلبات الحذف" }
    ErasureRequestsIntro {
        nl: "Zeg je ja, dan stopt het account meteen en worden de gegevens gewist na de bewaartermijn uit de instellingen. Moet iets volgens de wet bewaard blijven, zeg dan nee en schrijf welke regel geldt: de persoon leest het.",
        fr: "Si vous acceptez, le compte s'arrête aussitôt et les données sont effacées après le délai de conservation des paramètres. Si la loi impose de garder quelque chose, refusez et écrivez quelle règle s'applique : la personne le lit.",
        en: "If you say yes, the account stops at once and its data is erased after the retention period in the settings. If the law says something must be kept, say no and write which rule applies: the person reads it.",
        ar: "إذا وافقت، يتوقف الحساب فورًا وتُحذف البيانات بعد مدة الحفظ المحددة في الإعدادات. إذا كان القانون يفرض الاحتفاظ بشيء، فارفض واكتب القاعدة المطبقة: سيقرأها الشخص.",
    }
    ErasureRequestsNone { nl: "Er wacht geen vraag.", fr: "Aucune demande n'attend.", en: "No request is waiting.", ar: "لا يوجد طلب في الانتظار." }
    ErasureRequestsLink { nl: "Vragen om gewist te worden", fr: "Demandes d'effacement", en: "Requests to be erased", ar: "طلبات الحذف" }
    ErasureConfirmButton { nl: "Ja, account stoppen en wissen", fr: "Oui, arrêter et effacer le compte", en: "Yes, stop and erase the account", ar: "نعم، أوقف الحساب واحذفه" }
    ErasureExplanationLabel { nl: "Nee, omdat de wet dit vraagt:", fr: "Non, car la loi demande ceci :", en: "No, because the law asks this:", ar: "لا، لأن القانون يطلب ما يلي:" }
    ErasureDeclineButton { nl: "Nee, met deze uitleg", fr: "Non, avec cette explication", en: "No, with this explanation", ar: "لا، مع هذا التوضيح" }
    ErasureAsked { nl: "gevraagd", fr: "demandé", en: "asked", ar: "مطلوب" }
    ErasureConfirmed { nl: "bevestigd", fr: "confirmé", en: "confirmed", ar: "مؤكد" }
    ErasureDeclined { nl: "geweigerd", fr: "refusé", en: "declined", ar: "مرفوض" }
    ErasureDone { nl: "gewist", fr: "effacé", en: "erased", ar: "محذوف" }
    ErrErasureAsked { nl: "Je vroeg al om je account te wissen. Een coördinator antwoordt.", fr: "Vous avez déjà demandé l'effacement de votre compte. Un coordinateur répond.", en: "You already asked for your account to be erased. A coordinator answers.", ar: "لقد طلبت بالفعل حذف حسابك. سيجيب منسق." }
    ActionOther { nl: "deed iets in het dossier", fr: "a fait une action dans le dossier", en: "did something in the file", ar: "قام بإجراء في الملف" }
    SharingTitle { nl: "Wat je familie ziet", fr: "Ce que votre famille voit", en: "What your family sees", ar: "ما تراه عائلتك" }
    SharingTitleOther { nl: "Wat de familie van {name} ziet", fr: "Ce que la famille de {name} voit", en: "What {name}'s family sees", ar: "ما تراه عائلة {name}" }
    SharingIntro {
        nl: "Jij beslist wat elk familielid ziet. Je kan het altijd terugnemen; dat geldt meteen.",
        fr: "C'est vous qui décidez ce que chaque membre de la famille voit. Vous pouvez toujours le reprendre ; cela vaut immédiatement.",
        en: "You decide what each family member sees. You can always take it back; that counts at once.",
        ar: "أنت تقرّر ما يراه كل فرد من العائلة. يمكنك التراجع دائمًا، ويسري ذلك فورًا.",
    }
    SharingIntroOther {
        nl: "{name} beslist wat elk familielid ziet en kan dat altijd terugnemen; dat geldt meteen.",
        fr: "C'est {name} qui décide ce que chaque membre de la famille voit, et peut toujours le reprendre ; cela vaut immédiatement.",
        en: "{name} decides what each family member sees and can always take it back; that counts at once.",
        ar: "{name} يقرّر ما يراه كل فرد من العائلة ويمكنه التراجع دائمًا، ويسري ذلك فورًا.",
    }
    WhatMemberSees { nl: "Wat {name} ziet", fr: "Ce que {name} voit", en: "What {name} sees", ar: "ما يراه {name}" }
    NoFamilyYet { nl: "Er is nog geen familie in je kring.", fr: "Il n'y a pas encore de famille dans votre cercle.", en: "There is no family in your circle yet.", ar: "لا يوجد أفراد من العائلة في دائرتك بعد." }
    RestrictedNotice {
        nl: "{who} beperkte wat {name} ziet van {what}. Reden: {reason}",
        fr: "{who} a limité ce que {name} voit de {what}. Raison : {reason}",
        en: "{who} limited what {name} sees of {what}. Reason: {reason}",
        ar: "قيّد {who} ما يراه {name} من {what}. السبب: {reason}",
    }
    RestrictTitle { nl: "Beperken voor de veiligheid van een kind", fr: "Limiter pour la sécurité d'un enfant", en: "Limit for a child's safety", ar: "تقييد من أجل سلامة طفل" }
    RestrictButton { nl: "Beperken", fr: "Limiter", en: "Limit", ar: "تقييد" }
    LiftRestrictionButton { nl: "Beperking opheffen", fr: "Lever la limite", en: "Lift the limit", ar: "رفع التقييد" }
    ActionSharingChanged { nl: "veranderde wat een familielid ziet", fr: "a changé ce qu'un membre de la famille voit", en: "changed what a family member sees", ar: "غيّر ما يراه أحد أفراد العائلة" }
    ReunificationTitle { nl: "Terug naar het gezin", fr: "Le retour en famille", en: "Back to family life", ar: "العودة إلى الحياة العائلية" }
    ReunificationIntro {
        nl: "Hier zie je per kind de stappen die je met jeugdhulp afsprak. Je ziet waar jullie nu staan en wat er daarna komt.",
        fr: "Vous voyez ici, pour chaque enfant, les étapes convenues avec l'aide à la jeunesse. Vous voyez où vous en êtes et ce qui vient ensuite.",
        en: "Here you see, for each child, the steps agreed with youth care. You see where you are now and what comes next.",
        ar: "هنا ترى لكل طفل الخطوات التي اتفقت عليها مع رعاية الأطفال والشباب. وترى أين أنتم الآن وما الخطوة التالية.",
    }
    ReunificationIntroOther {
        nl: "Hier zie je per kind van {name} de stappen die met jeugdhulp zijn afgesproken: waar het nu staat en wat er daarna komt.",
        fr: "Vous voyez ici, pour chaque enfant de {name}, les étapes convenues avec l'aide à la jeunesse : où on en est et ce qui vient ensuite.",
        en: "Here you see, for each of {name}'s children, the steps agreed with youth care: where things stand and what comes next.",
        ar: "هنا ترى لكل طفل من أطفال {name} الخطوات المتفق عليها مع رعاية الأطفال والشباب: أين وصلت الأمور وما الخطوة التالية.",
    }
    NoChildrenYet { nl: "Er zijn nog geen stappen afgesproken.", fr: "Aucune étape n'a encore été convenue.", en: "No steps have been agreed yet.", ar: "لم يُتّفق على أي خطوات بعد." }
    WhatComesNext { nl: "Wat er nu komt", fr: "Ce qui vient maintenant", en: "What comes next", ar: "ما الخطوة القادمة" }
    ConditionsLabel { nl: "Voorwaarden", fr: "Conditions", en: "Conditions", ar: "الشروط" }
    NextDateLabel { nl: "Volgende datum", fr: "Prochaine date", en: "Next date", ar: "التاريخ القادم" }
    ContactLabel { nl: "Contactpersoon", fr: "Personne de contact", en: "Contact person", ar: "الشخص الذي تتواصل معه" }
    StepPhoneOrVideo { nl: "contact via telefoon of video", fr: "contact par téléphone ou vidéo", en: "contact by phone or video", ar: "تواصل بالهاتف أو الفيديو" }
    StepSupervisedVisit { nl: "begeleid bezoek", fr: "visite encadrée", en: "supervised visit", ar: "زيارة بإشراف" }
    StepUnsupervisedVisit { nl: "bezoek zonder begeleiding", fr: "visite sans encadrement", en: "unsupervised visit", ar: "زيارة بدون إشراف" }
    StepDayVisit { nl: "een dag samen", fr: "une journée ensemble", en: "day visit", ar: "يوم معًا" }
    StepOvernightStay { nl: "blijven slapen", fr: "une nuit ensemble", en: "overnight stay", ar: "مبيت ليلة" }
    StepLivingTogether { nl: "weer samenwonen", fr: "vivre à nouveau ensemble", en: "living together again", ar: "العيش معًا من جديد" }
    StepCustom { nl: "andere stap", fr: "autre étape", en: "other step", ar: "خطوة أخرى" }
    AgeBand0to3 { nl: "0 tot 3 jaar", fr: "0 à 3 ans", en: "0 to 3 years", ar: "من 0 إلى 3 سنوات" }
    AgeBand4to7 { nl: "4 tot 7 jaar", fr: "4 à 7 ans", en: "4 to 7 years", ar: "من 4 إلى 7 سنوات" }
    AgeBand8to11 { nl: "8 tot 11 jaar", fr: "8 à 11 ans", en: "8 to 11 years", ar: "من 8 إلى 11 سنة" }
    AgeBand12to15 { nl: "12 tot 15 jaar", fr: "12 à 15 ans", en: "12 to 15 years", ar: "من 12 إلى 15 سنة" }
    AgeBand16to17 { nl: "16 of 17 jaar", fr: "16 ou 17 ans", en: "16 or 17 years", ar: "16 أو 17 سنة" }
    SeeReunification { nl: "Bekijk de stappen terug naar het gezin", fr: "Voir les étapes du retour en famille", en: "See the steps back to family life", ar: "اطّلع على خطوات العودة إلى العائلة" }
    MonthNames {
        nl: "januari,februari,maart,april,mei,juni,juli,augustus,september,oktober,november,december",
        fr: "janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
        en: "January,February,March,April,May,June,July,August,September,October,November,December",
        ar: "يناير,فبراير,مارس,أبريل,مايو,يونيو,يوليو,أغسطس,سبتمبر,أكتوبر,نوفمبر,ديسمبر",
    }
    AppointmentsTitle { nl: "Afspraken", fr: "Rendez-vous", en: "Appointments", ar: "المواعيد" }
    AppointmentsTitleOther { nl: "Afspraken in de kring van {name}", fr: "Rendez-vous dans le cercle de {name}", en: "Appointments in {name}'s circle", ar: "المواعيد في دائرة {name}" }
    UpcomingAppointments { nl: "Je volgende afspraken", fr: "Vos prochains rendez-vous", en: "Your next appointments", ar: "مواعيدك القادمة" }
    UpcomingAppointmentsOther { nl: "Volgende afspraken in de kring van {name}", fr: "Prochains rendez-vous dans le cercle de {name}", en: "Next appointments in {name}'s circle", ar: "المواعيد القادمة في دائرة {name}" }
    NoAppointments { nl: "Er staan geen afspraken gepland.", fr: "Aucun rendez-vous n'est prévu.", en: "No appointments are planned.", ar: "لا توجد مواعيد مخطَّطة." }
    SeeAppointments { nl: "Alle afspraken", fr: "Tous les rendez-vous", en: "All appointments", ar: "كل المواعيد" }
    ModeInPerson { nl: "ter plaatse", fr: "sur place", en: "in person", ar: "حضوريًا" }
    ModePhone { nl: "via de telefoon", fr: "par téléphone", en: "by phone", ar: "عبر الهاتف" }
    ModeVideo { nl: "via video", fr: "par vidéo", en: "by video", ar: "عبر الفيديو" }
    WhereLabel { nl: "Waar of hoe", fr: "Où ou comment", en: "Where or how", ar: "أين أو كيف" }
    WithWhomLabel { nl: "Met wie", fr: "Avec qui", en: "With whom", ar: "مع من" }
    PurposeLabel { nl: "Waarvoor", fr: "Pourquoi", en: "What it is for", ar: "الغرض" }
    BringLabel { nl: "Mee te brengen", fr: "À apporter", en: "What to bring", ar: "ما يجب إحضاره" }
    AddToCalendar { nl: "Zet in je agenda", fr: "Ajouter à votre agenda", en: "Add to your calendar", ar: "أضف إلى تقويمك" }
    MinutesLong { nl: "{minutes} minuten", fr: "{minutes} minutes", en: "{minutes} minutes", ar: "{minutes} دقيقة" }
    ErrInvalidTime {
        nl: "Dat tijdstip klopt niet. Gebruik de vorm jjjj-mm-ddTuu:mm.",
        fr: "Cette heure n'est pas valable. Utilisez la forme aaaa-mm-jjThh:mm.",
        en: "That time is not valid. Use the form yyyy-mm-ddThh:mm.",
        ar: "هذا الوقت غير صالح. استخدم الصيغة yyyy-mm-ddThh:mm.",
    }
    CaseloadTitle { nl: "Mijn caseload", fr: "Mes suivis", en: "My caseload", ar: "الحالات التي أتابعها" }
    CaseloadIntro {
        nl: "De kringen waarin je werkt. Per kring zie je wat over datum is, wat de volgende stap is en welke afspraken eraan komen.",
        fr: "Les cercles dans lesquels vous travaillez. Pour chaque cercle, vous voyez ce qui est en retard, la prochaine étape et les rendez-vous à venir.",
        en: "The circles you work in. For each circle you see what is overdue, what comes next and which appointments are coming up.",
        ar: "الدوائر التي تعمل فيها: ما تأخّر، والخطوة التالية، والمواعيد القادمة.",
    }
    OverdueTitle { nl: "Over datum ({count})", fr: "En retard ({count})", en: "Overdue ({count})", ar: "متأخر ({count})" }
    YourRoleIs { nl: "jouw rol: {role}", fr: "votre rôle : {role}", en: "your role: {role}", ar: "دورك: {role}" }
    PlanAppointmentTitle { nl: "Afspraak plannen", fr: "Planifier un rendez-vous", en: "Plan an appointment", ar: "تحديد موعد" }
    WhenLabel { nl: "Wanneer", fr: "Quand", en: "When", ar: "متى" }
    DurationLabel { nl: "Duur in minuten", fr: "Durée en minutes", en: "Length in minutes", ar: "المدة بالدقائق" }
    HowLabel { nl: "Hoe", fr: "Comment", en: "How", ar: "كيف" }
    ChangeStepTitle { nl: "Stap aanpassen", fr: "Modifier l'étape", en: "Change this step", ar: "تعديل هذه الخطوة" }
    AddStepTitle { nl: "Stap toevoegen", fr: "Ajouter une étape", en: "Add a step", ar: "إضافة خطوة" }
    StepKindLabel { nl: "Soort stap", fr: "Type d'étape", en: "Kind of step", ar: "نوع الخطوة" }
    CustomStepLabel { nl: "Naam van de stap (bij een andere stap)", fr: "Nom de l'étape (pour une autre étape)", en: "Name of the step (for another step)", ar: "اسم الخطوة (لخطوة أخرى)" }
    AddChildTitle { nl: "Kind toevoegen", fr: "Ajouter un enfant", en: "Add a child", ar: "إضافة طفل" }
    AddChildIntro {
        nl: "Alleen een voornaam of roepnaam, en een leeftijdsgroep. Geen achternaam, geen geboortedatum.",
        fr: "Seulement un prénom ou un surnom, et une tranche d'âge. Pas de nom de famille, pas de date de naissance.",
        en: "Only a first name or nickname, and an age group. No surname, no date of birth.",
        ar: "فقط الاسم الأول أو الاسم الذي يُنادى به، والفئة العمرية. لا اسم عائلة ولا تاريخ ميلاد.",
    }
    AliasLabel { nl: "Voornaam of roepnaam", fr: "Prénom ou surnom", en: "First name or nickname", ar: "الاسم الأول أو الاسم الذي يُنادى به" }
    AgeBandLabel { nl: "Leeftijd", fr: "Âge", en: "Age", ar: "العمر" }
    ErrInvalidCursor {
        nl: "Die plaats in de lijst bestaat niet. Begin opnieuw bij het begin van de lijst.",
        fr: "Cette position dans la liste n'existe pas. Recommencez au début de la liste.",
        en: "That place in the list does not exist. Start again from the beginning of the list.",
        ar: "هذا الموضع في القائمة غير موجود. ابدأ من جديد من بداية القائمة.",
    }
    ConversationPair { nl: "één op één", fr: "en tête-à-tête", en: "one to one", ar: "فردية" }
    ConversationGroup { nl: "groep", fr: "groupe", en: "group", ar: "مجموعة" }
    MessagesTitle { nl: "Berichten", fr: "Messages", en: "Messages", ar: "الرسائل" }
    MessagesIntro {
        nl: "Wat je hier schrijft, lezen alleen de mensen in dit gesprek.",
        fr: "Ce que vous écrivez ici, seules les personnes de cette conversation le lisent.",
        en: "What you write here is read only by the people in this conversation.",
        ar: "ما تكتبه هنا لا يقرؤه إلا الأشخاص في هذه المحادثة.",
    }
    NoConversations { nl: "Je hebt nog geen gesprekken.", fr: "Vous n'avez pas encore de conversations.", en: "You have no conversations yet.", ar: "ليست لديك محادثات بعد." }
    ConversationWith { nl: "Met {names}", fr: "Avec {names}", en: "With {names}", ar: "مع {names}" }
    UnreadMessagesInCase { nl: "Berichten die op je wachten: {count}", fr: "Messages qui vous attendent : {count}", en: "Messages waiting for you: {count}", ar: "رسائل بانتظارك: {count}" }
    AllConversations { nl: "Alle gesprekken", fr: "Toutes les conversations", en: "All conversations", ar: "كل المحادثات" }
    OlderMessages { nl: "Eerdere berichten", fr: "Messages précédents", en: "Earlier messages", ar: "رسائل سابقة" }
    NewestMessages { nl: "Naar de nieuwste berichten", fr: "Aller aux messages les plus récents", en: "Go to the newest messages", ar: "انتقل إلى أحدث الرسائل" }
    NoMessagesYet { nl: "Nog geen berichten. Je mag als eerste schrijven.", fr: "Pas encore de messages. Vous pouvez écrire en premier.", en: "No messages yet. You may write first.", ar: "لا توجد رسائل بعد. يمكنك أن تكتب أولًا." }
    YourMessageLabel { nl: "Je bericht", fr: "Votre message", en: "Your message", ar: "رسالتك" }
    SendButton { nl: "Versturen", fr: "Envoyer", en: "Send", ar: "إرسال" }
    YouLabel { nl: "Jij", fr: "Vous", en: "You", ar: "أنت" }
    ReadBy { nl: "Gelezen door {name} · {time}", fr: "Lu par {name} · {time}", en: "Read by {name} · {time}", ar: "قرأها {name} · {time}" }
    WaitingSince { nl: "Wacht op antwoord sinds {time}", fr: "Attend une réponse depuis {time}", en: "Waiting for an answer since {time}", ar: "ينتظر ردًا منذ {time}" }
    OverdueLabel { nl: "Langer dan beloofd", fr: "Au-delà du délai promis", en: "Past the promised time", ar: "تجاوز المهلة الموعودة" }
    OverdueElsewhereTitle { nl: "Wacht te lang in jouw kringen", fr: "Attend trop longtemps dans vos cercles", en: "Waiting too long in your circles", ar: "ينتظر طويلًا في دوائرك" }
    OverdueNoticeLine { nl: "{names} (kring van {name}), wacht sinds {time}", fr: "{names} (cercle de {name}), attend depuis {time}", en: "{names} ({name}'s circle), waiting since {time}", ar: "{names} (دائرة {name})، ينتظر منذ {time}" }
    ActionReadConversation { nl: "las een gesprek", fr: "a lu une conversation", en: "read a conversation", ar: "قرأ محادثة" }
    ActionSentMessage { nl: "stuurde een bericht", fr: "a envoyé un message", en: "sent a message", ar: "أرسل رسالة" }
    ActionStartedConversation { nl: "begon een groepsgesprek", fr: "a commencé une conversation de groupe", en: "started a group conversation", ar: "بدأ محادثة جماعية" }
    StandInNotice {
        nl: "{away} is afwezig tot en met {until}. {stand_in} neemt intussen over en leest je berichten.",
        fr: "{away} est absent(e) jusqu'au {until} inclus. Pendant ce temps, {stand_in} remplace cette personne et lit vos messages.",
        en: "{away} is away until the end of {until}. In the meantime, {stand_in} takes over and reads your messages.",
        ar: "{away} غائب إلى نهاية يوم {until}. خلال هذه المدة يحلّ {stand_in} محلّه ويقرأ رسائلك.",
    }
    ActionAddedToConversation { nl: "voegde iemand toe aan een gesprek", fr: "a ajouté quelqu'un à une conversation", en: "added someone to a conversation", ar: "أضاف شخصًا إلى محادثة" }
    MessageSettingsTitle { nl: "Instellingen voor berichten", fr: "Réglages des messages", en: "Message settings", ar: "إعدادات الرسائل" }
    YouAreAway { nl: "Je bent afwezig tot en met {until}. {stand_in} neemt over.", fr: "Vous êtes absent(e) jusqu'au {until} inclus. {stand_in} vous remplace.", en: "You are away until the end of {until}. {stand_in} takes over.", ar: "أنت غائب إلى نهاية يوم {until}. يحلّ {stand_in} محلّك." }
    BackFromAway { nl: "Ik ben terug", fr: "Je suis de retour", en: "I am back", ar: "لقد عدت" }
    AwayUntilLabel { nl: "Afwezig tot en met", fr: "Absent(e) jusqu'au", en: "Away until", ar: "غائب حتى" }
    SendReadReceiptsLabel { nl: "Laat anderen zien wanneer ik hun bericht gelezen heb", fr: "Montrer aux autres quand j'ai lu leur message", en: "Let others see when I have read their message", ar: "اسمح للآخرين برؤية متى قرأت رسالتهم" }
    StandInChoiceLabel { nl: "Wie neemt over", fr: "Qui reprend", en: "Who stands in", ar: "من يتولى الأمر" }
    CategoryPlans { nl: "de plannen", fr: "les plans", en: "the plans", ar: "الخطط" }
    PlanKindRelease { nl: "Plan voor de vrijlating", fr: "Plan de libération", en: "Release plan", ar: "خطة الإفراج" }
    PlanKindReunification { nl: "Plan voor de hereniging", fr: "Plan de retrouvailles familiales", en: "Reunification plan", ar: "خطة لمّ الشمل" }
    PlanKindEducationWork { nl: "Plan voor school en werk", fr: "Plan études et travail", en: "Education and work plan", ar: "خطة الدراسة والعمل" }
    PlanKindSupport { nl: "Plan voor steun", fr: "Plan de soutien", en: "Support plan", ar: "خطة الدعم" }
    PlanKindCustom { nl: "Plan", fr: "Plan", en: "Plan", ar: "خطة" }
    VersionDraft { nl: "in opmaak", fr: "en préparation", en: "being drafted", ar: "قيد الإعداد" }
    VersionAwaitingSignatures { nl: "wacht op handtekeningen", fr: "attend des signatures", en: "waiting for signatures", ar: "بانتظار التوقيعات" }
    VersionAgreed { nl: "afgesproken", fr: "convenu", en: "agreed", ar: "متّفق عليها" }
    VersionSuperseded { nl: "vervangen door een nieuwere versie", fr: "remplacé par une version plus récente", en: "replaced by a newer version", ar: "استُبدلت بنسخة أحدث" }
    ProposalReword { nl: "andere woorden", fr: "autre formulation", en: "new wording", ar: "صياغة جديدة" }
    ProposalDate { nl: "andere datum", fr: "autre date", en: "new date", ar: "تاريخ جديد" }
    ProposalAdd { nl: "iets toevoegen", fr: "ajouter quelque chose", en: "something to add", ar: "إضافة شيء" }
    ProposalRemove { nl: "iets weghalen", fr: "retirer quelque chose", en: "something to remove", ar: "حذف شيء" }
    ProposalOpen { nl: "nog niet beslist", fr: "pas encore décidé", en: "not decided yet", ar: "لم يُقرَّر بعد" }
    ProposalAccepted { nl: "aanvaard", fr: "accepté", en: "accepted", ar: "مقبول" }
    ProposalDeclined { nl: "niet aanvaard", fr: "pas accepté", en: "not accepted", ar: "غير مقبول" }
    StanceAgree { nl: "akkoord", fr: "d'accord", en: "agree", ar: "موافق" }
    StanceDisagree { nl: "niet akkoord", fr: "pas d'accord", en: "disagree", ar: "غير موافق" }
    DifferenceAdded { nl: "toegevoegd", fr: "ajouté", en: "added", ar: "أُضيف" }
    DifferenceRemoved { nl: "weggehaald", fr: "retiré", en: "removed", ar: "حُذف" }
    DifferenceChanged { nl: "veranderd", fr: "modifié", en: "changed", ar: "تغيّر" }
    ActionChangedPlan { nl: "werkte een plan bij", fr: "a mis à jour un plan", en: "updated a plan", ar: "حدّث خطة" }
    ActionCommentedPlan { nl: "reageerde op een plan", fr: "a réagi à un plan", en: "responded to a plan", ar: "علّق على خطة" }
    ActionAnsweredPlan { nl: "gaf een antwoord op een plan", fr: "a donné son avis sur un plan", en: "gave their answer on a plan", ar: "أعطى رأيه في خطة" }
    ErrStaleVersion { nl: "Het plan is intussen veranderd. Lees de nieuwe versie en probeer opnieuw.", fr: "Le plan a changé entre-temps. Lisez la nouvelle version et réessayez.", en: "The plan has changed in the meantime. Read the new version and try again.", ar: "تغيّرت الخطة في هذه الأثناء. اقرأ النسخة الجديدة وحاول مرة أخرى." }
    ErrAlreadySigned { nl: "Je hebt deze versie al ondertekend.", fr: "Vous avez déjà signé cette version.", en: "You have already signed this version.", ar: "لقد وقّعت هذه النسخة من قبل." }
    ErrItemsUnanswered { nl: "Zeg eerst bij elk punt of je akkoord bent.", fr: "Dites d'abord pour chaque point si vous êtes d'accord.", en: "First say for each item whether you agree.", ar: "قل أولاً لكل بند إن كنت موافقاً." }
    ErrNotOpenForAgreement { nl: "Dit plan is nog in opmaak. Je kunt het ondertekenen als het klaar is.", fr: "Ce plan est encore en préparation. Vous pourrez le signer quand il sera prêt.", en: "This plan is still being drafted. You can sign it when it is ready.", ar: "هذه الخطة ما زالت قيد الإعداد. يمكنك توقيعها عندما تكون جاهزة." }
    ErrProposalDecided { nl: "Over dit voorstel is al beslist.", fr: "Quelqu'un a déjà répondu à cette proposition.", en: "Someone has already answered this suggestion.", ar: "أجاب أحدٌ عن هذا الاقتراح من قبل." }
    ErrNotAParty { nl: "Jij hoeft deze versie niet te ondertekenen.", fr: "Vous n'avez pas à signer cette version.", en: "You are not asked to sign this version.", ar: "لا يُطلب منك توقيع هذه النسخة." }
    ErrPlanEmpty { nl: "Een plan heeft minstens één punt nodig.", fr: "Un plan a besoin d'au moins un point.", en: "A plan needs at least one item.", ar: "تحتاج الخطة إلى بند واحد على الأقل." }
    PlansTitle { nl: "Plannen", fr: "Plans", en: "Plans", ar: "الخطط" }
    PlansIntro { nl: "Plannen maken we samen. Bij elk punt kun je reageren, iets voorstellen en zeggen of je akkoord bent.", fr: "Les plans se font ensemble. Pour chaque point, vous pouvez réagir, proposer quelque chose et dire si vous êtes d'accord.", en: "Plans are made together. For each item you can respond, suggest a change and say whether you agree.", ar: "نضع الخطط معاً. في كل بند يمكنك أن تعلّق وتقترح تغييراً وتقول إن كنت موافقاً." }
    NoPlansYet { nl: "Er is nog geen plan.", fr: "Il n'y a pas encore de plan.", en: "There is no plan yet.", ar: "لا توجد خطة بعد." }
    SeePlans { nl: "Plannen", fr: "Plans", en: "Plans", ar: "الخطط" }
    AllPlans { nl: "Alle plannen", fr: "Tous les plans", en: "All plans", ar: "كل الخطط" }
    StartPlanTitle { nl: "Een plan beginnen", fr: "Commencer un plan", en: "Start a plan", ar: "بدء خطة" }
    PlanKindLabel { nl: "Soort plan", fr: "Type de plan", en: "Kind of plan", ar: "نوع الخطة" }
    PlanTitleLabel { nl: "Titel (alleen voor een ander plan)", fr: "Titre (seulement pour un autre plan)", en: "Title (only for another kind of plan)", ar: "العنوان (لخطة من نوع آخر فقط)" }
    StartPlanButton { nl: "Plan beginnen", fr: "Commencer le plan", en: "Start the plan", ar: "ابدأ الخطة" }
    PlanVersionLine { nl: "Versie {number}: {state}", fr: "Version {number} : {state}", en: "Version {number}: {state}", ar: "النسخة {number}: {state}" }
    WaitingForSignaturesOf { nl: "Wacht nog op: {names}", fr: "Attend encore : {names}", en: "Still waiting for: {names}", ar: "ما زالت تنتظر: {names}" }
    WaitingForYouBadge { nl: "Wacht op jou", fr: "Vous attend", en: "Waiting for you", ar: "بانتظارك" }
    AgreedOn { nl: "Afgesproken op {time}", fr: "Convenu le {time}", en: "Agreed on {time}", ar: "اتُّفق عليها في {time}" }
    PlanWaitsForYou { nl: "Dit plan wacht op jou. Zeg bij elk punt of je akkoord bent. Onderteken daarna het plan onderaan.", fr: "Ce plan vous attend. Dites pour chaque point si vous êtes d'accord. Signez ensuite le plan en bas.", en: "This plan is waiting for you. Say for each item whether you agree. Then sign the plan at the bottom.", ar: "هذه الخطة بانتظارك. قل لكل بند إن كنت موافقاً. ثم وقّع الخطة في الأسفل." }
    OlderVersionNotice { nl: "Dit is een oudere versie. Ze verandert niet meer.", fr: "Ceci est une version plus ancienne. Elle ne change plus.", en: "This is an older version. It no longer changes.", ar: "هذه نسخة أقدم. لم تعد تتغيّر." }
    SeeNewestVersion { nl: "Naar de nieuwste versie", fr: "Voir la version la plus récente", en: "See the newest version", ar: "انتقل إلى أحدث نسخة" }
    ChangesSincePrevious { nl: "Wat veranderde sinds versie {number}", fr: "Ce qui a changé depuis la version {number}", en: "What changed since version {number}", ar: "ما الذي تغيّر منذ النسخة {number}" }
    ItemWhatLabel { nl: "Wat gebeurt er?", fr: "Que va-t-il se passer ?", en: "What will happen?", ar: "ماذا سيحدث؟" }
    ItemWhoLabel { nl: "Wie doet het?", fr: "Qui le fait ?", en: "Who does it?", ar: "من يقوم به؟" }
    ItemWhenLabel { nl: "Tegen wanneer?", fr: "Pour quand ?", en: "By when?", ar: "متى؟" }
    ItemWhyLabel { nl: "Waarom?", fr: "Pourquoi ?", en: "Why?", ar: "لماذا؟" }
    NobodyNamedYet { nl: "nog niet afgesproken", fr: "pas encore convenu", en: "not agreed yet", ar: "لم يُتّفق عليه بعد" }
    AnswersLabel { nl: "Antwoorden", fr: "Réponses", en: "Answers", ar: "الإجابات" }
    CommentsLabel { nl: "Reacties", fr: "Réactions", en: "Comments", ar: "التعليقات" }
    YourAnswerLegend { nl: "Ben je akkoord met dit punt?", fr: "Êtes-vous d'accord avec ce point ?", en: "Do you agree with this item?", ar: "هل توافق على هذا البند؟" }
    DisagreeReasonLabel { nl: "Waarom niet? (nodig als je niet akkoord bent)", fr: "Pourquoi pas ? (nécessaire si vous n'êtes pas d'accord)", en: "Why not? (needed if you disagree)", ar: "لماذا لا؟ (مطلوب إن لم تكن موافقاً)" }
    SaveAnswerButton { nl: "Antwoord bewaren", fr: "Enregistrer la réponse", en: "Save my answer", ar: "احفظ إجابتي" }
    CommentSummary { nl: "Reageren", fr: "Réagir", en: "Comment", ar: "علّق" }
    CommentLabel { nl: "Je reactie", fr: "Votre réaction", en: "Your comment", ar: "تعليقك" }
    CommentButton { nl: "Reactie plaatsen", fr: "Publier la réaction", en: "Post comment", ar: "انشر التعليق" }
    ProposeSummary { nl: "Een wijziging voorstellen", fr: "Proposer un changement", en: "Suggest a change", ar: "اقترح تغييراً" }
    ProposalKindLabel { nl: "Wat stel je voor?", fr: "Que proposez-vous ?", en: "What do you suggest?", ar: "ماذا تقترح؟" }
    NewWordingLabel { nl: "Nieuwe tekst", fr: "Nouveau texte", en: "New wording", ar: "نص جديد" }
    NewDateLabel { nl: "Nieuwe datum", fr: "Nouvelle date", en: "New date", ar: "تاريخ جديد" }
    ProposalReasonLabel { nl: "Waarom stel je dit voor?", fr: "Pourquoi proposez-vous cela ?", en: "Why do you suggest this?", ar: "لماذا تقترح هذا؟" }
    ProposeButton { nl: "Voorstel sturen", fr: "Envoyer la proposition", en: "Send suggestion", ar: "أرسل الاقتراح" }
    ProposeItemSummary { nl: "Een nieuw punt voorstellen", fr: "Proposer un nouveau point", en: "Suggest a new item", ar: "اقترح بنداً جديداً" }
    ProposalsTitle { nl: "Voorstellen", fr: "Propositions", en: "Suggestions", ar: "الاقتراحات" }
    ProposalBy { nl: "{name} stelt voor: {kind}", fr: "{name} propose : {kind}", en: "{name} suggests: {kind}", ar: "{name} يقترح: {kind}" }
    ProposalBecause { nl: "Waarom: {reason}", fr: "Pourquoi : {reason}", en: "Why: {reason}", ar: "السبب: {reason}" }
    DeclinedBecause { nl: "Niet aanvaard, omdat: {reason}", fr: "Pas accepté, parce que : {reason}", en: "Not accepted, because: {reason}", ar: "لم يُقبل، لأن: {reason}" }
    AcceptProposalButton { nl: "Aanvaarden", fr: "Accepter", en: "Accept", ar: "اقبل" }
    DeclineReasonLabel { nl: "Waarom niet? De persoon die het voorstelde, leest dit.", fr: "Pourquoi pas ? La personne qui l'a proposé le lira.", en: "Why not? The person who suggested it will read this.", ar: "لماذا لا؟ سيقرأ ذلك صاحب الاقتراح." }
    DeclineProposalButton { nl: "Niet aanvaarden", fr: "Ne pas accepter", en: "Do not accept", ar: "لا تقبل" }
    ChangeItemSummary { nl: "Punt wijzigen", fr: "Modifier le point", en: "Change this item", ar: "عدّل هذا البند" }
    RemoveItemButton { nl: "Punt weghalen", fr: "Retirer le point", en: "Remove this item", ar: "احذف هذا البند" }
    AddItemTitle { nl: "Een punt toevoegen", fr: "Ajouter un point", en: "Add an item", ar: "أضف بنداً" }
    SubmitPlanTitle { nl: "Is het plan klaar om te tekenen?", fr: "Le plan est prêt pour les signatures ?", en: "Is the plan ready to sign?", ar: "هل الخطة جاهزة للتوقيع؟" }
    SubmitPlanIntro { nl: "Wie moet tekenen, krijgt het plan te zien met de vraag of ze akkoord zijn. Daarna verandert deze versie niet meer.", fr: "Les personnes qui doivent signer verront le plan et diront si elles sont d'accord. Ensuite, cette version ne change plus.", en: "The people who must sign will see the plan and say whether they agree. After that, this version no longer changes.", ar: "سيرى من يجب أن يوقّع الخطة ويقول إن كان موافقاً. بعد ذلك لا تتغيّر هذه النسخة." }
    SubmitPlanButton { nl: "Vragen om te tekenen", fr: "Demander de signer", en: "Ask for signatures", ar: "اطلب التوقيع" }
    SignPlanTitle { nl: "Ondertekenen", fr: "Signer", en: "Sign", ar: "التوقيع" }
    SignPlanIntro { nl: "Met je handtekening zeg je: dit is het plan zoals we het bespraken, met mijn antwoorden. Ben je niet akkoord met een punt? Dan blijft dat zichtbaar.", fr: "Par votre signature, vous dites : voici le plan tel que nous l'avons discuté, avec mes réponses. Si vous n'êtes pas d'accord avec un point, cela reste visible.", en: "By signing you say: this is the plan as we discussed it, with my answers. If you disagree with an item, that stays visible.", ar: "بتوقيعك تقول: هذه هي الخطة كما ناقشناها، مع إجاباتي. إن لم تكن موافقاً على بند، يبقى ذلك ظاهراً." }
    SignPlanButton { nl: "Plan ondertekenen", fr: "Signer le plan", en: "Sign the plan", ar: "وقّع الخطة" }
    AskFamilyTitle { nl: "Iemand van je familie mee laten tekenen", fr: "Faire signer aussi un membre de votre famille", en: "Ask a family member to sign too", ar: "اطلب من أحد أفراد عائلتك أن يوقّع أيضاً" }
    AskFamilyLabel { nl: "Wie?", fr: "Qui ?", en: "Who?", ar: "من؟" }
    AskFamilyButton { nl: "Vragen", fr: "Demander", en: "Ask", ar: "اطلب" }
    PlanHistoryTitle { nl: "Alle versies", fr: "Toutes les versions", en: "All versions", ar: "كل النسخ" }
    SignedBy { nl: "getekend door {names}", fr: "signé par {names}", en: "signed by {names}", ar: "وقّعها {names}" }
    PlansWaitingTitle { nl: "Plannen die op jou wachten", fr: "Plans qui vous attendent", en: "Plans waiting for you", ar: "خطط بانتظارك" }
    ErrConferenceHeld { nl: "Het overleg heeft al plaatsgevonden. Je kunt nu reageren op de beslissingen.", fr: "La concertation a déjà eu lieu. Vous pouvez maintenant réagir aux décisions.", en: "The case conference has already taken place. You can now respond to its decisions.", ar: "عُقد الاجتماع التنسيقي من قبل. يمكنك الآن الرد على قراراته." }
    ActionRecordedConference { nl: "schreef iets in het verslag van een overleg", fr: "a complété le compte rendu d'une concertation", en: "wrote in the record of a case conference", ar: "كتب في محضر اجتماع تنسيقي" }
    ActionWroteForConference { nl: "schreef iets voor een overleg", fr: "a écrit quelque chose pour une concertation", en: "wrote something for a case conference", ar: "كتب شيئاً لاجتماع تنسيقي" }
    ConferencesTitle { nl: "Overleg tussen de diensten", fr: "Concertations entre les services", en: "Case conferences", ar: "الاجتماعات التنسيقية بين الخدمات" }
    ConferencesIntro { nl: "De diensten rond jou overleggen samen. Vóór het overleg kun je opschrijven wat jij belangrijk vindt. Daarna lees je wat er beslist is en wat dat voor jou betekent.", fr: "Les services autour de vous se concertent. Avant la concertation, vous pouvez écrire ce qui compte pour vous. Ensuite, vous lisez ce qui a été décidé et ce que cela signifie pour vous.", en: "The services around you meet to coordinate. Before the meeting you can write down what matters to you. Afterwards you read what was decided and what it means for you.", ar: "تجتمع الخدمات من حولك للتنسيق. قبل الاجتماع يمكنك أن تكتب ما هو مهم لك. بعده تقرأ ما تقرّر وما يعنيه لك." }
    ConferencesIntroOther { nl: "De diensten rond {name} overleggen samen. Vóór het overleg kan {name} opschrijven wat belangrijk is. Daarna lees je wat er beslist is.", fr: "Les services autour de {name} se concertent. Avant la concertation, {name} peut écrire ce qui compte. Ensuite, vous lisez ce qui a été décidé.", en: "The services around {name} meet to coordinate. Before the meeting {name} can write down what matters. Afterwards you read what was decided.", ar: "تجتمع الخدمات حول {name} للتنسيق. قبل الاجتماع يمكن لـ{name} أن يكتب ما هو مهم. بعده تقرأ ما تقرّر." }
    NoConferencesYet { nl: "Er is nog geen overleg gepland.", fr: "Aucune concertation n'est encore prévue.", en: "No case conference is planned yet.", ar: "لم يُخطَّط لأي اجتماع تنسيقي بعد." }
    ConferenceOn { nl: "Overleg van {date}", fr: "Concertation du {date}", en: "Case conference of {date}", ar: "اجتماع تنسيقي بتاريخ {date}" }
    ScheduleConferenceTitle { nl: "Een overleg toevoegen", fr: "Ajouter une concertation", en: "Add a case conference", ar: "أضف اجتماعاً تنسيقياً" }
    ConferenceDateLabel { nl: "Datum", fr: "Date", en: "Date", ar: "التاريخ" }
    ConferenceWhoLabel { nl: "Wie neemt deel?", fr: "Qui participe ?", en: "Who takes part?", ar: "من يشارك؟" }
    ParticipantInputTitle { nl: "Wat jij vooraf schreef", fr: "Ce que vous avez écrit avant", en: "What you wrote beforehand", ar: "ما كتبته مسبقاً" }
    InputIntro { nl: "Schrijf op wat je belangrijk vindt voor dit overleg. De diensten lezen het vooraf. Je kunt het aanpassen tot de dag van het overleg.", fr: "Écrivez ce qui compte pour vous pour cette concertation. Les services le liront avant. Vous pouvez le modifier jusqu'au jour de la concertation.", en: "Write down what matters to you for this meeting. The services read it beforehand. You can change it until the day of the meeting.", ar: "اكتب ما هو مهم لك في هذا الاجتماع. ستقرؤه الخدمات مسبقاً. يمكنك تعديله حتى يوم الاجتماع." }
    YourInputLabel { nl: "Wat wil je meegeven?", fr: "Que voulez-vous transmettre ?", en: "What would you like them to know?", ar: "ماذا تريد أن يعرفوا؟" }
    NoInputGiven { nl: "Er werd vooraf niets geschreven.", fr: "Rien n'a été écrit avant.", en: "Nothing was written beforehand.", ar: "لم يُكتب شيء مسبقاً." }
    DecisionsTitle { nl: "Wat er beslist is", fr: "Ce qui a été décidé", en: "What was decided", ar: "ما تقرّر" }
    NoDecisionsYet { nl: "Er zijn nog geen beslissingen opgeschreven.", fr: "Aucune décision n'a encore été notée.", en: "No decisions have been written down yet.", ar: "لم تُدوَّن أي قرارات بعد." }
    WhatThisMeansForYou { nl: "Wat betekent dit voor jou?", fr: "Qu'est-ce que cela signifie pour vous ?", en: "What does this mean for you?", ar: "ماذا يعني هذا لك؟" }
    YourResponseLabel { nl: "Jouw reactie op deze beslissing", fr: "Votre réaction à cette décision", en: "Your response to this decision", ar: "ردك على هذا القرار" }
    RecordDecisionTitle { nl: "Een beslissing opschrijven", fr: "Noter une décision", en: "Write down a decision", ar: "دوّن قراراً" }
    DecisionLabel { nl: "De beslissing", fr: "La décision", en: "The decision", ar: "القرار" }
    LeaveQuickly { nl: "Snel weg", fr: "Partir vite", en: "Leave quickly", ar: "غادر بسرعة" }
    ChangePasswordTitle { nl: "Je wachtwoord veranderen", fr: "Changer votre mot de passe", en: "Change your password", ar: "تغيير كلمة المرور" }
    ChangePasswordIntro {
        nl: "Daarna blijf je hier aangemeld. Op je andere toestellen word je afgemeld.",
        fr: "Vous restez connecté ici. Sur vos autres appareils, vous êtes déconnecté.",
        en: "You stay signed in here. Your other devices are signed out.",
        ar: "ستبقى مسجلاً هنا. سيتم تسجيل خروجك من أجهزتك الأخرى.",
    }
    CurrentPasswordLabel { nl: "Je huidige wachtwoord", fr: "Votre mot de passe actuel", en: "Your current password", ar: "كلمة مرورك الحالية" }
    ChangePasswordButton { nl: "Wachtwoord veranderen", fr: "Changer le mot de passe", en: "Change password", ar: "تغيير كلمة المرور" }
    PasswordChangedNotice {
        nl: "Je wachtwoord is veranderd. Je andere toestellen zijn afgemeld.",
        fr: "Votre mot de passe a été changé. Vos autres appareils sont déconnectés.",
        en: "Your password was changed. Your other devices are signed out.",
        ar: "تم تغيير كلمة مرورك. تم تسجيل الخروج من أجهزتك الأخرى.",
    }
    SettingsTitle { nl: "Instellingen", fr: "Réglages", en: "Settings", ar: "الإعدادات" }
    TextSizeLegend { nl: "Grootte van de letters", fr: "Taille du texte", en: "Text size", ar: "حجم النص" }
    TextSizeNormal { nl: "gewoon", fr: "normale", en: "normal", ar: "عادي" }
    TextSizeLarge { nl: "groot", fr: "grande", en: "large", ar: "كبير" }
    TextSizeLarger { nl: "heel groot", fr: "très grande", en: "very large", ar: "كبير جداً" }
    QuickExitExplained { nl: "Druk bovenaan op „Snel weg”. Dan verdwijnt Brug meteen en zie je een gewone website. Met de knop Terug kom je niet terug in Brug.", fr: "Appuyez sur « Partir vite » en haut. Brug disparaît alors tout de suite et vous voyez un site ordinaire. Le bouton Retour ne ramène pas dans Brug.", en: "Press “Leave quickly” at the top. Then Brug disappears at once and you see an ordinary website. The Back button does not bring you back into Brug.", ar: "اضغط على «غادر بسرعة» في الأعلى. عندها يختفي Brug فوراً وترى موقعاً عادياً. زر الرجوع لا يعيدك إلى Brug." }
    QuickExitEscapeHint { nl: "Met een toetsenbord kan het ook: druk drie keer op Escape.", fr: "Avec un clavier, c’est possible aussi : appuyez trois fois sur Échap.", en: "With a keyboard you can also press Escape three times.", ar: "باستخدام لوحة المفاتيح يمكنك أيضاً الضغط على Escape ثلاث مرات." }
    QuickExitSignsOutLabel { nl: "Meld me ook af als ik snel weg ga", fr: "Me déconnecter aussi quand je pars vite", en: "Also sign me out when I leave quickly", ar: "سجّل خروجي أيضاً عندما أغادر بسرعة" }
    OwnPhoneLegend { nl: "Dit toestel", fr: "Cet appareil", en: "This device", ar: "هذا الجهاز" }
    OwnPhoneExplained { nl: "Op je eigen gsm kan Brug bewaren wat je laatst zag. Dan kun je het ook zonder internet lezen. Meld je je af of ga je snel weg? Dan wordt het gewist. Doe dit niet op een gsm die je deelt.", fr: "Sur votre propre téléphone, Brug peut garder ce que vous avez vu en dernier. Vous pouvez alors le lire sans internet. Si vous vous déconnectez ou partez vite, c'est effacé. Ne le faites pas sur un téléphone partagé.", en: "On your own phone, Brug can keep what you last saw, so you can read it without internet too. It is deleted when you sign out or leave quickly. Do not do this on a phone you share.", ar: "على هاتفك الخاص يمكن لـ Brug أن يحفظ آخر ما رأيته، لتقرأه دون إنترنت أيضاً. يُحذف ذلك عند تسجيل الخروج أو المغادرة بسرعة. لا تفعل ذلك على هاتف مشترك." }
    OwnPhoneLabel { nl: "Dit is mijn eigen gsm", fr: "C'est mon propre téléphone", en: "This is my own phone", ar: "هذا هاتفي الخاص" }
    OfflineTitle { nl: "Geen verbinding", fr: "Pas de connexion", en: "No connection", ar: "لا يوجد اتصال" }
    OfflineText { nl: "Je bent nu niet verbonden met het internet. Er is niets mis. Als je weer verbinding hebt, werkt Brug zoals altijd.", fr: "Vous n'êtes pas connecté à internet pour le moment. Tout va bien. Quand la connexion revient, Brug fonctionne comme d'habitude.", en: "You are not connected to the internet right now. Nothing is wrong. When you are connected again, Brug works as usual.", ar: "أنت غير متصل بالإنترنت الآن. لا توجد مشكلة. عندما يعود الاتصال يعمل Brug كالمعتاد." }
    TryAgain { nl: "Opnieuw proberen", fr: "Réessayer", en: "Try again", ar: "حاول مرة أخرى" }
    StepChangedAnnounce { nl: "Er is iets veranderd aan deze stap. Wil je weten wat? Open dit wanneer jij wilt.", fr: "Quelque chose a changé pour cette étape. Vous voulez savoir quoi ? Ouvrez ceci quand vous le souhaitez.", en: "Something has changed in this step. Would you like to know what? Open this whenever you want.", ar: "تغيّر شيء في هذه الخطوة. هل تريد أن تعرف ما هو؟ افتح هذا متى شئت." }
    ReleaseTitle { nl: "Klaar voor je vrijlating", fr: "Prête pour votre libération", en: "Ready for your release", ar: "الاستعداد للإفراج عنك" }
    ReleaseTitleOther { nl: "Klaar voor de vrijlating van {name}", fr: "Prêts pour la libération de {name}", en: "Ready for {name}'s release", ar: "الاستعداد للإفراج عن {name}" }
    ReleaseIntro {
        nl: "Wat geregeld moet zijn op de dag dat je thuiskomt, wie ervoor zorgt en hoe het ervoor staat.",
        fr: "Ce qui doit être prêt le jour du retour à la maison, qui s'en occupe et où on en est.",
        en: "What must be in place on the day of coming home, who sees to it and how it stands.",
        ar: "ما يجب أن يكون جاهزًا يوم العودة إلى البيت، ومن يتولّاه، وأين وصل.",
    }
    ReleaseOnLabel { nl: "Verwachte datum van vrijlating", fr: "Date de libération prévue", en: "Expected release date", ar: "تاريخ الإفراج المتوقع" }
    ReleaseOnUnknown { nl: "De datum van vrijlating is nog niet bekend.", fr: "La date de libération n'est pas encore connue.", en: "The release date is not known yet.", ar: "تاريخ الإفراج غير معروف بعد." }
    ReleaseOnKnown { nl: "Verwacht thuis op {date}.", fr: "Retour prévu le {date}.", en: "Expected home on {date}.", ar: "العودة المتوقعة إلى البيت في {date}." }
    ReleaseChecklistTitle { nl: "Wat geregeld moet zijn", fr: "Ce qui doit être prêt", en: "What must be in place", ar: "ما يجب أن يكون جاهزًا" }
    ReleaseIdentityCard { nl: "Identiteitskaart", fr: "Carte d'identité", en: "Identity card", ar: "بطاقة الهوية" }
    ReleaseHousing { nl: "Woning", fr: "Logement", en: "Housing", ar: "السكن" }
    ReleaseIncome { nl: "Inkomen", fr: "Revenu", en: "Income", ar: "الدخل" }
    ReleaseHealthInsurance { nl: "Ziekenfonds", fr: "Mutuelle", en: "Health insurance", ar: "التأمين الصحي" }
    ReleaseDoctor { nl: "Huisarts", fr: "Médecin généraliste", en: "GP", ar: "طبيب العائلة" }
    ReleaseBankAccount { nl: "Bankrekening", fr: "Compte bancaire", en: "Bank account", ar: "حساب بنكي" }
    ReleasePhone { nl: "Telefoon", fr: "Téléphone", en: "Phone", ar: "الهاتف" }
    ReleaseFirstAppointments { nl: "De eerste afspraken", fr: "Les premiers rendez-vous", en: "The first appointments", ar: "المواعيد الأولى" }
    ReleaseToDo { nl: "Nog te doen", fr: "À faire", en: "To do", ar: "لم يُنجز بعد" }
    ReleaseInProgress { nl: "Bezig", fr: "En cours", en: "In progress", ar: "قيد الإنجاز" }
    ReleaseDone { nl: "Geregeld", fr: "Réglé", en: "Done", ar: "تمّ" }
    ReleaseNotNeeded { nl: "Niet nodig", fr: "Pas nécessaire", en: "Not needed", ar: "غير ضروري" }
    ReleaseOwnerLabel { nl: "Wie zorgt ervoor", fr: "Qui s'en occupe", en: "Who sees to it", ar: "من يتولّاه" }
    ReleaseNoOwner { nl: "nog niemand", fr: "personne pour l'instant", en: "nobody yet", ar: "لا أحد بعد" }
    ReleaseStatusLabel { nl: "Hoe staat het", fr: "Où en est-on", en: "How it stands", ar: "أين وصل" }
    ReleaseNoteLabel { nl: "Een woord erbij (mag leeg)", fr: "Un mot en plus (facultatif)", en: "A word about it (may be empty)", ar: "كلمة عنه (اختياري)" }
    ReleaseCommentLabel { nl: "Je vraag of reactie", fr: "Votre question ou réaction", en: "Your question or comment", ar: "سؤالك أو تعليقك" }
    ReleaseCommentButton { nl: "Versturen", fr: "Envoyer", en: "Send", ar: "إرسال" }
    ReleaseSetTo { nl: "zette het op: {status}", fr: "l'a mis sur : {status}", en: "set it to: {status}", ar: "غيّر الحالة إلى: {status}" }
    ReleaseLink { nl: "Klaar voor de vrijlating: wat geregeld moet zijn", fr: "Prêts pour la libération : ce qui doit être prêt", en: "Ready for the release: what must be in place", ar: "الاستعداد للإفراج: ما يجب أن يكون جاهزًا" }
    BuddyMeetingTitle { nl: "Eerste ontmoeting met de buddy", fr: "Première rencontre avec le parrain ou la marraine", en: "First meeting with the buddy", ar: "أول لقاء مع رفيق الدعم" }
    BuddyMeetingPurpose { nl: "Kennismaking met je buddy", fr: "Faire connaissance avec votre parrain ou marraine", en: "Getting to know your buddy", ar: "التعارف مع رفيق الدعم" }
    BuddyMeetingPlanned { nl: "Gepland op {when}.", fr: "Prévue le {when}.", en: "Planned for {when}.", ar: "مقرّر في {when}." }
    BuddyMeetingCalledOff { nl: "Deze ontmoeting is afgezegd.", fr: "Cette rencontre a été annulée.", en: "This meeting was called off.", ar: "أُلغي هذا اللقاء." }
    BuddyMeetingPlanButton { nl: "Zet de ontmoeting in de agenda", fr: "Mettre la rencontre à l'agenda", en: "Put the meeting on the calendar", ar: "أضف اللقاء إلى التقويم" }
    NoBuddyYet { nl: "Er is nog geen buddy in de kring.", fr: "Il n'y a pas encore de parrain ou marraine dans le cercle.", en: "There is no buddy in the circle yet.", ar: "لا يوجد رفيق دعم في الدائرة بعد." }
    FirstWeekTitle { nl: "De eerste week", fr: "La première semaine", en: "The first week", ar: "الأسبوع الأول" }
    FirstWeekIntro {
        nl: "Een plan voor de eerste week na de vrijlating: wie er is, waar je naartoe moet, wat eerst komt.",
        fr: "Un plan pour la première semaine après la libération : qui est là, où aller, ce qui vient d'abord.",
        en: "A plan for the first week after release: who is there, where to go, what comes first.",
        ar: "خطة للأسبوع الأول بعد الإفراج: من سيكون حاضرًا، وإلى أين تذهب، وما الذي يأتي أولًا.",
    }
    FirstWeekOpen { nl: "Bekijk het plan voor de eerste week", fr: "Voir le plan de la première semaine", en: "See the plan for the first week", ar: "اطّلع على خطة الأسبوع الأول" }
    FirstWeekMake { nl: "Maak het plan voor de eerste week", fr: "Créer le plan de la première semaine", en: "Make the plan for the first week", ar: "أنشئ خطة الأسبوع الأول" }
    FirstWeekNone { nl: "Er is nog geen plan voor de eerste week.", fr: "Il n'y a pas encore de plan pour la première semaine.", en: "There is no plan for the first week yet.", ar: "لا توجد خطة للأسبوع الأول بعد." }
    PlanKindFirstWeek { nl: "Plan voor de eerste week", fr: "Plan de la première semaine", en: "Plan for the first week", ar: "خطة الأسبوع الأول" }
    CategoryRelease { nl: "de checklist voor de vrijlating", fr: "la liste pour la libération", en: "the release checklist", ar: "قائمة الإفراج" }
    ActionChangedRelease { nl: "veranderde de checklist voor de vrijlating", fr: "a modifié la liste pour la libération", en: "changed the release checklist", ar: "غيّر قائمة الإفراج" }
    ErrNoBuddy { nl: "Er is nog geen buddy in deze kring.", fr: "Il n'y a pas encore de parrain ou marraine dans ce cercle.", en: "This circle has no buddy yet.", ar: "لا يوجد رفيق دعم في هذه الدائرة بعد." }
    ErrMeetingAfterRelease { nl: "De eerste ontmoeting moet vóór de dag van de vrijlating vallen.", fr: "La première rencontre doit avoir lieu avant le jour de la libération.", en: "The first meeting must come before the day of release.", ar: "يجب أن يكون اللقاء الأول قبل يوم الإفراج." }
    ErrBuddyMeetingPlanned { nl: "De eerste ontmoeting staat al in de agenda. Verplaats die afspraak als het anders moet.", fr: "La première rencontre est déjà à l'agenda. Déplacez ce rendez-vous si besoin.", en: "The first meeting is already on the calendar. Move that appointment if it must change.", ar: "اللقاء الأول موجود في التقويم. انقل هذا الموعد إذا لزم التغيير." }
    PushSomethingNew { nl: "Je hebt iets nieuws", fr: "Vous avez du nouveau", en: "You have something new", ar: "لديك شيء جديد" }
    PushReminderTomorrow { nl: "Een herinnering voor morgen", fr: "Un rappel pour demain", en: "A reminder for tomorrow", ar: "تذكير ليوم غد" }
    PushReminderToday { nl: "Een herinnering voor vandaag", fr: "Un rappel pour aujourd'hui", en: "A reminder for today", ar: "تذكير لليوم" }
    RemindLegend { nl: "Herinneringen aan afspraken", fr: "Rappels de rendez-vous", en: "Reminders of appointments", ar: "التذكير بالمواعيد" }
    RemindExplained {
        nl: "Op dit toestel als je meldingen aanzet, en in de agenda die je downloadt. De melding zegt niet waarover het gaat.",
        fr: "Sur cet appareil si vous activez les notifications, et dans l'agenda que vous téléchargez. La notification ne dit pas de quoi il s'agit.",
        en: "On this device when notifications are on, and in the calendar file you download. The notice does not say what it is about.",
        ar: "على هذا الجهاز إذا فعّلت الإشعارات، وفي ملف التقويم الذي تنزّله. لا يذكر الإشعار موضوعه.",
    }
    RemindDayBefore { nl: "De avond ervoor (18:00)", fr: "La veille au soir (18 h)", en: "The evening before (18:00)", ar: "في المساء السابق (18:00)" }
    RemindMorningOf { nl: "Die ochtend (7:00)", fr: "Le matin même (7 h)", en: "That morning (7:00)", ar: "في صباح اليوم نفسه (7:00)" }
    RemindNever { nl: "Niet herinneren", fr: "Pas de rappel", en: "No reminder", ar: "بدون تذكير" }
    NotificationsTitle { nl: "Meldingen", fr: "Notifications", en: "Notifications", ar: "الإشعارات" }
    NotificationsExplained { nl: "Brug kan je een melding sturen als er iets nieuws is. De melding zegt alleen: „Je hebt iets nieuws”. Nooit wie het stuurde of wat erin staat.", fr: "Brug peut vous envoyer une notification quand il y a du nouveau. Elle dit seulement « Vous avez du nouveau ». Jamais qui l'a envoyé ni ce qu'il contient.", en: "Brug can send you a notification when there is something new. It only says “You have something new”. Never who sent it or what it says.", ar: "يمكن لـ Brug أن يرسل إليك إشعاراً عند وجود شيء جديد. يقول فقط «لديك شيء جديد». لا يذكر أبداً من أرسله ولا ما فيه." }
    NotificationsAllow { nl: "Meldingen aanzetten op dit toestel", fr: "Activer les notifications sur cet appareil", en: "Turn on notifications on this device", ar: "شغّل الإشعارات على هذا الجهاز" }
    NotificationsOn { nl: "Meldingen staan aan op dit toestel.", fr: "Les notifications sont activées sur cet appareil.", en: "Notifications are on for this device.", ar: "الإشعارات مفعّلة على هذا الجهاز." }
    NotificationsRefused { nl: "Meldingen zijn niet toegestaan. Je kunt dat later veranderen in je browser.", fr: "Les notifications ne sont pas autorisées. Vous pourrez changer cela plus tard dans votre navigateur.", en: "Notifications are not allowed. You can change that later in your browser.", ar: "الإشعارات غير مسموح بها. يمكنك تغيير ذلك لاحقاً في متصفحك." }
    NotificationsFailed { nl: "Het lukte nu niet. Probeer het later opnieuw.", fr: "Cela n'a pas fonctionné. Réessayez plus tard.", en: "That did not work now. Please try again later.", ar: "لم ينجح ذلك الآن. حاول مرة أخرى لاحقاً." }
    ReadAloud { nl: "Lees voor", fr: "Lire à voix haute", en: "Read aloud", ar: "اقرأ لي بصوت عالٍ" }
    ContactIntro {
        nl: "Hier schrijf je aan de mensen die je helpen. Kies met wie je wilt praten.",
        fr: "Ici, vous écrivez aux personnes qui vous aident. Choisissez avec qui vous voulez parler.",
        en: "Here you write to the people who help you. Choose who you want to talk to.",
        ar: "هنا تكتب إلى الأشخاص الذين يساعدونك. اختر مع من تريد أن تتحدث.",
    }
    ContactsTitle { nl: "Wie is wie", fr: "Qui est qui", en: "Who is who", ar: "من هو من" }
    ContactsIntro {
        nl: "Alle diensten en mensen rond {name}. Je leest waarom ze betrokken zijn en wat ze beslissen. Je leest ook hoe en wanneer je ze bereikt.",
        fr: "Tous les services et personnes autour de {name}. Vous lisez pourquoi ils sont là et ce qu'ils décident. Vous lisez aussi comment et quand les joindre.",
        en: "All the services and people around {name}. You read why they are involved and what they decide. You also read how and when to reach them.",
        ar: "كل الخدمات والأشخاص حول {name}: لماذا هم معنيّون، وماذا يقرّرون، وكيف ومتى يمكن التواصل معهم.",
    }
    ContactsIntroOwn {
        nl: "Alle diensten en mensen rond jou. Je leest waarom ze betrokken zijn en wat ze beslissen. Je leest ook hoe en wanneer je ze bereikt.",
        fr: "Tous les services et personnes autour de vous. Vous lisez pourquoi ils sont là et ce qu'ils décident. Vous lisez aussi comment et quand les joindre.",
        en: "All the services and people around you. You read why they are involved and what they decide. You also read how and when to reach them.",
        ar: "كل الخدمات والأشخاص من حولك: لماذا هم معنيّون، وماذا يقرّرون، وكيف ومتى يمكنك التواصل معهم.",
    }
    NoContactsYet { nl: "Er staan nog geen contactpersonen in.", fr: "Aucun contact pour l'instant.", en: "No contacts yet.", ar: "لا توجد جهات اتصال بعد." }
    SeeContacts { nl: "Wie is wie", fr: "Qui est qui", en: "Who is who", ar: "من هو من" }
    ContactKindService { nl: "dienst", fr: "service", en: "service", ar: "خدمة" }
    ContactKindSchool { nl: "school", fr: "école", en: "school", ar: "مدرسة" }
    ContactKindEmployer { nl: "werk", fr: "travail", en: "work", ar: "العمل" }
    ContactKindLawyer { nl: "advocaat", fr: "avocat", en: "lawyer", ar: "محامٍ" }
    ContactKindCommunity { nl: "levensbeschouwing of gemeenschap", fr: "culte ou communauté", en: "faith or community", ar: "دين أو جماعة" }
    ContactKindOther { nl: "andere", fr: "autre", en: "other", ar: "أخرى" }
    ContactKindLabel { nl: "Soort", fr: "Type", en: "Kind", ar: "النوع" }
    RoleInWordsLabel { nl: "Rol, in gewone woorden", fr: "Rôle, en mots simples", en: "Role, in plain words", ar: "الدور، بكلمات بسيطة" }
    WhyInvolvedLabel { nl: "Waarom betrokken", fr: "Pourquoi cette personne est là", en: "Why involved", ar: "سبب المشاركة" }
    DecidesLabel { nl: "Wat beslist deze persoon", fr: "Ce que cette personne décide", en: "What they decide", ar: "ما الذي يقرّره" }
    PhoneLabel { nl: "Telefoon", fr: "Téléphone", en: "Phone", ar: "الهاتف" }
    OfficeHoursLabel { nl: "Bereikbaar", fr: "Joignable", en: "When to reach them", ar: "أوقات التواصل" }
    LanguagesLabel { nl: "Talen", fr: "Langues", en: "Languages", ar: "اللغات" }
    StandInLabel { nl: "Bij afwezigheid", fr: "En cas d'absence", en: "When they are away", ar: "عند الغياب" }
    AddContactTitle { nl: "Contactpersoon toevoegen", fr: "Ajouter un contact", en: "Add a contact", ar: "إضافة جهة اتصال" }
    ChangeContactTitle { nl: "Gegevens aanpassen", fr: "Modifier les coordonnées", en: "Change the details", ar: "تعديل البيانات" }
    ActionChangedContacts { nl: "paste de contactgegevens aan", fr: "a modifié les contacts", en: "changed the contacts", ar: "عدّل جهات الاتصال" }
    ActionChangedReunification { nl: "paste de stappen naar het gezin aan", fr: "a modifié les étapes vers la famille", en: "changed the steps back to family life", ar: "عدّل خطوات العودة إلى العائلة" }
    ActionAddedAppointment { nl: "plande een afspraak", fr: "a planifié un rendez-vous", en: "planned an appointment", ar: "حدّد موعدًا" }
    ErrTimeAgainstPreferences {
        nl: "Dit moment past niet bij wat gevraagd werd (zie naast het formulier). Kies een ander moment, of plan het toch.",
        fr: "Ce moment ne correspond pas à ce qui a été demandé (voir à côté du formulaire). Choisissez un autre moment, ou planifiez-le quand même.",
        en: "This time goes against what was asked for (see beside the form). Choose another time, or plan it anyway.",
        ar: "هذا الوقت لا يناسب ما طُلب (انظر بجانب النموذج). اختر وقتًا آخر، أو خطّط له على أي حال.",
    }
    ErrRequestAnswered { nl: "Op deze vraag is al geantwoord.", fr: "Cette demande a déjà reçu une réponse.", en: "This request has already been answered.", ar: "تمت الإجابة عن هذا الطلب من قبل." }
    ErrClosingNeedsNotice {
        nl: "Een begeleiding afsluiten wordt minstens 14 dagen vooraf aangekondigd. Kies een latere datum.",
        fr: "La clôture d'un suivi est annoncée au moins 14 jours à l'avance. Choisissez une date plus tardive.",
        en: "Closing a case is announced at least 14 days ahead. Choose a later date.",
        ar: "يُعلَن عن إغلاق الملف قبل 14 يومًا على الأقل. اختر تاريخًا لاحقًا.",
    }
    PhaseHistoryTitle { nl: "Hoe de fases verliepen", fr: "Les phases jusqu'ici", en: "The phases so far", ar: "المراحل حتى الآن" }
    PhaseHistoryLine {
        nl: "Vanaf {date}: {phase}. Beslist door {who}. {reason}",
        fr: "À partir du {date} : {phase}. Décidé par {who}. {reason}",
        en: "From {date}: {phase}. Decided by {who}. {reason}",
        ar: "ابتداءً من {date}: {phase}. قرّر ذلك {who}. {reason}",
    }
    PhaseAnnounced {
        nl: "Aangekondigd: vanaf {date} {phase}. {reason}",
        fr: "Annoncé : à partir du {date}, {phase}. {reason}",
        en: "Announced: from {date}, {phase}. {reason}",
        ar: "إعلان: ابتداءً من {date}، {phase}. {reason}",
    }
    PhaseNow { nl: "nu", fr: "maintenant", en: "now", ar: "الآن" }
    ChangePhaseTitle { nl: "Een nieuwe fase noteren", fr: "Noter une nouvelle phase", en: "Record a new phase", ar: "تسجيل مرحلة جديدة" }
    PhaseDateLabel { nl: "Vanaf welke dag", fr: "À partir de quel jour", en: "From which day", ar: "ابتداءً من أي يوم" }
    PhaseDecidedByHint {
        nl: "Bijvoorbeeld: de strafuitvoeringsrechtbank.",
        fr: "Par exemple : le tribunal de l'application des peines.",
        en: "For example: the sentence implementation court.",
        ar: "مثلًا: محكمة تنفيذ العقوبات.",
    }
    ClosingNoticeHint {
        nl: "De hulp loopt door na de vrijlating. Afsluiten kan alleen met een reden en wordt minstens 14 dagen vooraf aangekondigd.",
        fr: "Le suivi continue après la libération. Clôturer n'est possible qu'avec une raison et s'annonce au moins 14 jours à l'avance.",
        en: "Support goes on after release. Closing needs a reason and is announced at least 14 days ahead.",
        ar: "تستمر المتابعة بعد الإفراج. الإغلاق يحتاج إلى سبب ويُعلَن عنه قبل 14 يومًا على الأقل.",
    }
    PasswordResetNote {
        nl: "Je wachtwoord werd veranderd op {when} met een code van {who}. Was jij dat niet? Zeg het meteen aan je begeleider of de coördinator.",
        fr: "Votre mot de passe a été changé le {when} avec un code de {who}. Ce n'était pas vous ? Dites-le tout de suite à votre accompagnateur ou au coordinateur.",
        en: "Your password was changed on {when} with a code from {who}. Was that not you? Tell your support worker or the coordinator straight away.",
        ar: "تم تغيير كلمة مرورك في {when} برمز من {who}. لم تكن أنت؟ أخبر مرافقك أو المنسق فورًا.",
    }
    AppointmentMoved { nl: "verplaatst", fr: "déplacé", en: "moved", ar: "نُقل" }
    AppointmentCancelled { nl: "afgezegd", fr: "annulé", en: "called off", ar: "أُلغي" }
    AppointmentCannotCome { nl: "kan niet komen", fr: "ne peut pas venir", en: "cannot come", ar: "لا يستطيع الحضور" }
    ErrAppointmentCancelled {
        nl: "Deze afspraak werd afgezegd. Plan een nieuwe als dat nodig is.",
        fr: "Ce rendez-vous a été annulé. Planifiez-en un nouveau si nécessaire.",
        en: "This appointment was called off. Plan a new one if needed.",
        ar: "تم إلغاء هذا الموعد. حدّد موعدًا جديدًا إذا لزم الأمر.",
    }
    ActionChangedAppointment { nl: "verplaatste of annuleerde een afspraak", fr: "a déplacé ou annulé un rendez-vous", en: "moved or called off an appointment", ar: "نقل موعدًا أو ألغاه" }
    ActionAnsweredAppointment { nl: "liet weten niet te kunnen komen op een afspraak", fr: "a fait savoir ne pas pouvoir venir à un rendez-vous", en: "said they cannot come to an appointment", ar: "أبلغ بعدم قدرته على حضور موعد" }
    AppointmentCancelledNotice { nl: "Afgezegd", fr: "Annulé", en: "Called off", ar: "أُلغي" }
    MoveAppointmentTitle { nl: "Verplaatsen of afzeggen", fr: "Déplacer ou annuler", en: "Move or call off", ar: "نقل أو إلغاء" }
    MoveButton { nl: "Verplaatsen", fr: "Déplacer", en: "Move", ar: "نقل" }
    CancelAppointmentButton { nl: "Afspraak afzeggen", fr: "Annuler le rendez-vous", en: "Call off the appointment", ar: "إلغاء الموعد" }
    CannotComeTitle { nl: "Ik kan niet komen", fr: "Je ne peux pas venir", en: "I can't make it", ar: "لا أستطيع الحضور" }
    CannotComeHint {
        nl: "Zeg waarom. Je begeleider ziet het en zoekt met jou een ander moment.",
        fr: "Dites pourquoi. Votre accompagnateur le verra et cherchera un autre moment avec vous.",
        en: "Say why. Your support worker sees it and looks for another time with you.",
        ar: "قل لماذا. سيراه مرافقك ويبحث معك عن وقت آخر.",
    }
    CannotComeButton { nl: "Laten weten", fr: "Prévenir", en: "Let them know", ar: "أبلِغهم" }
    ResponseQuestion { nl: "Ik heb een vraag", fr: "J'ai une question", en: "I have a question", ar: "لدي سؤال" }
    ResponseDisagree { nl: "Ik ben het er niet mee eens", fr: "Je ne suis pas d'accord", en: "I don't agree", ar: "لا أوافق" }
    ResponseTalk { nl: "Ik wil erover praten", fr: "Je voudrais en parler", en: "I'd like to talk about it", ar: "أودّ التحدث عن ذلك" }
    ResponseAnswer { nl: "antwoord", fr: "réponse", en: "answer", ar: "ردّ" }
    RespondTitle { nl: "Reageren op deze stap", fr: "Réagir à cette étape", en: "Respond to this step", ar: "الردّ على هذه الخطوة" }
    AnswerTitle { nl: "Antwoorden", fr: "Répondre", en: "Answer", ar: "أجب" }
    RespondKindLegend { nl: "Wat wil je zeggen?", fr: "Que voulez-vous dire ?", en: "What do you want to say?", ar: "ماذا تريد أن تقول؟" }
    RespondBodyLabel { nl: "Je bericht", fr: "Votre message", en: "Your message", ar: "رسالتك" }
    ActionRespondedStep { nl: "reageerde op een stap in het traject", fr: "a réagi à une étape du parcours", en: "responded to a step in the trajectory", ar: "ردّ على خطوة في المسار" }
    StepReasonHint {
        nl: "Nodig als de stand of de datum verandert: de familie leest waarom.",
        fr: "Nécessaire si l'état ou la date change : la famille lit pourquoi.",
        en: "Needed when the status or the date changes: the family reads why.",
        ar: "مطلوب عند تغيّر الحالة أو التاريخ: تقرأ العائلة السبب.",
    }
    ErrSecondFactorRequired {
        nl: "Geef eerst de code uit je authenticator-app om het aanmelden af te ronden.",
        fr: "Saisissez d'abord le code de votre application d'authentification pour terminer la connexion.",
        en: "Enter the code from your authenticator app first, to finish signing in.",
        ar: "أدخل أولًا الرمز من تطبيق المصادقة لإكمال تسجيل الدخول.",
    }
    ErrStepUpRequired {
        nl: "Dit beschermt iemands dossier: geef nog eens de code uit je authenticator-app.",
        fr: "Ceci protège le dossier d'une personne : saisissez à nouveau le code de votre application d'authentification.",
        en: "This protects someone's file: enter the code from your authenticator app once more.",
        ar: "هذا يحمي ملف شخص ما: أدخل الرمز من تطبيق المصادقة مرة أخرى.",
    }
    ErrSecondFactorExists {
        nl: "Aanmelden in twee stappen staat al aan voor dit account.",
        fr: "La connexion en deux étapes est déjà activée pour ce compte.",
        en: "Two-step sign-in is already on for this account.",
        ar: "تسجيل الدخول بخطوتين مفعّل بالفعل لهذا الحساب.",
    }
    ErrPasskeyRefused {
        nl: "Je passkey werd niet aanvaard. Probeer opnieuw, of geef de code uit je authenticator-app.",
        fr: "Votre clé d'accès n'a pas été acceptée. Réessayez, ou saisissez le code de votre application d'authentification.",
        en: "Your passkey was not accepted. Try again, or enter the code from your authenticator app.",
        ar: "لم يُقبل مفتاح المرور الخاص بك. حاول مرة أخرى، أو أدخل الرمز من تطبيق المصادقة.",
    }
    ErrSecondCoordinatorNeeded {
        nl: "Je vroeg dit al. Een andere coördinator moet het bevestigen.",
        fr: "Vous l'avez déjà demandé. Un autre coordinateur doit le confirmer.",
        en: "You asked for this already. Another coordinator has to confirm it.",
        ar: "لقد طلبت هذا بالفعل. يجب أن يؤكده منسق آخر.",
    }
    SecondFactorTitle { nl: "Aanmelden in twee stappen", fr: "Connexion en deux étapes", en: "Two-step sign-in", ar: "تسجيل الدخول بخطوتين" }
    SecondFactorIntro {
        nl: "Open de authenticator-app op je telefoon en geef de code van zes cijfers voor Brug. Telefoon kwijt? Geef dan een van je herstelcodes.",
        fr: "Ouvrez l'application d'authentification sur votre téléphone et saisissez le code à six chiffres pour Brug. Téléphone perdu ? Saisissez un de vos codes de secours.",
        en: "Open the authenticator app on your phone and enter the six-digit code for Brug. Lost your phone? Enter one of your recovery codes.",
        ar: "افتح تطبيق المصادقة على هاتفك وأدخل الرمز المكوّن من ستة أرقام لـ Brug. فقدت هاتفك؟ أدخل أحد رموز الاسترداد.",
    }
    SecondFactorCodeLabel { nl: "Code", fr: "Code", en: "Code", ar: "الرمز" }
    ConfirmButton { nl: "Bevestigen", fr: "Confirmer", en: "Confirm", ar: "تأكيد" }
    EnrolTitle { nl: "Aanmelden in twee stappen instellen", fr: "Activer la connexion en deux étapes", en: "Set up two-step sign-in", ar: "إعداد تسجيل الدخول بخطوتين" }
    EnrolIntro {
        nl: "Begeleiders en coördinatoren melden zich aan met een wachtwoord én een code uit een authenticator-app. Scan deze QR-code met de app, of typ de sleutel hieronder in. Geef daarna de code die de app toont.",
        fr: "Les accompagnateurs et coordinateurs se connectent avec un mot de passe et un code d'une application d'authentification. Scannez ce code QR avec l'application, ou saisissez la clé ci-dessous. Puis saisissez le code affiché par l'application.",
        en: "Workers and coordinators sign in with a password and a code from an authenticator app. Scan this QR code with the app, or type in the key below. Then enter the code the app shows.",
        ar: "يسجّل المرافقون والمنسقون الدخول بكلمة مرور ورمز من تطبيق مصادقة. امسح رمز QR هذا بالتطبيق، أو اكتب المفتاح أدناه. ثم أدخل الرمز الذي يعرضه التطبيق.",
    }
    EnrolKeyLabel { nl: "Sleutel om in te typen", fr: "Clé à saisir", en: "Key to type in", ar: "المفتاح للكتابة" }
    RecoveryCodesTitle { nl: "Je herstelcodes", fr: "Vos codes de secours", en: "Your recovery codes", ar: "رموز الاسترداد الخاصة بك" }
    RecoveryCodesIntro {
        nl: "Elke code werkt één keer, als je je telefoon kwijt bent. Schrijf ze op of druk deze pagina af en bewaar ze op een veilige plek. Je ziet ze alleen nu.",
        fr: "Chaque code fonctionne une fois, si vous perdez votre téléphone. Notez-les ou imprimez cette page et gardez-les en lieu sûr. Ils ne sont affichés que maintenant.",
        en: "Each code works once, if you lose your phone. Write them down or print this page and keep them somewhere safe. They are shown only now.",
        ar: "كل رمز يعمل مرة واحدة، إذا فقدت هاتفك. اكتبها أو اطبع هذه الصفحة واحفظها في مكان آمن. تظهر الآن فقط.",
    }
    SecondFactorOn { nl: "Aanmelden in twee stappen staat aan.", fr: "La connexion en deux étapes est activée.", en: "Two-step sign-in is on.", ar: "تسجيل الدخول بخطوتين مفعّل." }
    SecondFactorOff { nl: "Aanmelden in twee stappen staat nog niet aan.", fr: "La connexion en deux étapes n'est pas encore activée.", en: "Two-step sign-in is not on yet.", ar: "تسجيل الدخول بخطوتين غير مفعّل بعد." }
    PasskeyUseButton { nl: "Gebruik je passkey", fr: "Utiliser votre clé d'accès", en: "Use your passkey", ar: "استخدم مفتاح المرور" }
    PasskeysTitle { nl: "Passkeys", fr: "Clés d'accès", en: "Passkeys", ar: "مفاتيح المرور" }
    PasskeysIntro {
        nl: "Een passkey op je computer, telefoon of beveiligingssleutel kan de code uit je app vervangen: je ontgrendelt hem met je vingerafdruk, gezicht of pincode.",
        fr: "Une clé d'accès sur votre ordinateur, téléphone ou clé de sécurité peut remplacer le code de votre application : vous la déverrouillez avec votre empreinte, votre visage ou un code PIN.",
        en: "A passkey on your computer, phone or security key can stand in for the code from your app: you unlock it with your fingerprint, face or PIN.",
        ar: "يمكن لمفتاح مرور على حاسوبك أو هاتفك أو مفتاح الأمان أن يحل محل الرمز من تطبيقك: تفتحه ببصمتك أو وجهك أو رمز PIN.",
    }
    PasskeysNone { nl: "Je hebt nog geen passkey.", fr: "Vous n'avez pas encore de clé d'accès.", en: "You have no passkey yet.", ar: "ليس لديك مفتاح مرور بعد." }
    PasskeyNameLabel { nl: "Naam van de passkey (bijvoorbeeld: laptop werk)", fr: "Nom de la clé d'accès (par exemple : ordinateur du travail)", en: "Name of the passkey (for example: work laptop)", ar: "اسم مفتاح المرور (مثلاً: حاسوب العمل)" }
    PasskeyAddButton { nl: "Passkey toevoegen", fr: "Ajouter une clé d'accès", en: "Add a passkey", ar: "إضافة مفتاح مرور" }
    PasskeyRemoveButton { nl: "Verwijderen", fr: "Supprimer", en: "Remove", ar: "إزالة" }
    PasskeyAddedOn { nl: "toegevoegd op {time}", fr: "ajoutée le {time}", en: "added on {time}", ar: "أُضيف في {time}" }
    PasskeyUsedOn { nl: "laatst gebruikt op {time}", fr: "utilisée pour la dernière fois le {time}", en: "last used on {time}", ar: "آخر استخدام في {time}" }
    PasskeyAdded { nl: "Je passkey is toegevoegd.", fr: "Votre clé d'accès a été ajoutée.", en: "Your passkey was added.", ar: "تمت إضافة مفتاح المرور." }
    ResetSecondFactorButton { nl: "Tweede stap opnieuw instellen", fr: "Réinitialiser la deuxième étape", en: "Reset the second step", ar: "إعادة ضبط الخطوة الثانية" }
    ResetSecondFactorIntro {
        nl: "Wie de telefoon met de authenticator-app kwijt is, stelt de tweede stap opnieuw in nadat twee coördinatoren dat vroegen en bevestigden.",
        fr: "Qui a perdu le téléphone avec l'application d'authentification la réinitialise après que deux coordinateurs l'ont demandé et confirmé.",
        en: "Someone who lost the phone with their authenticator app sets the second step up again once two coordinators asked for it and confirmed it.",
        ar: "من فقد الهاتف الذي عليه تطبيق المصادقة يعيد إعداد الخطوة الثانية بعد أن يطلب منسقان ذلك ويؤكداه.",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_a_text_in_every_language() {
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!msg.text(lang).trim().is_empty(), "{msg:?} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn no_message_uses_a_stigmatising_word() {
        let stigmatising = "terro radical dangerous extremis extrémis gevaarlijk radicaal dangereux".split(' ');
        for msg in Msg::ALL {
            for lang in Lang::ALL {
                let text = msg.text(lang).to_lowercase();
                for word in stigmatising.clone() {
                    assert!(!text.contains(word), "{msg:?} in {lang:?} contains {word}");
                }
            }
        }
    }
}
