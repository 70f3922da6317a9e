using DMarketAspire.DMarket.Client;

namespace DMarketAspire.DMarketSimulator.Market;

/// <summary>The vocabulary titles are built from, per game, in each game's naming style.</summary>
internal static class CatalogNames
{
    public static readonly string[] Cs2Weapons =
    [
        "AK-47", "M4A4", "M4A1-S", "AWP", "Desert Eagle", "USP-S", "Glock-18", "P250", "FAMAS", "Galil AR",
        "SSG 08", "MP9", "MAC-10", "UMP-45", "P90", "Five-SeveN", "Tec-9", "CZ75-Auto", "Nova", "XM1014",
    ];

    public static readonly string[] Cs2Skins =
    [
        "Redline", "Asiimov", "Vulcan", "Hyper Beast", "Neon Rider", "Bloodsport", "Fire Serpent", "Case Hardened",
        "Slate", "Phantom Disruptor", "Printstream", "Fade", "Doppler", "Howl", "Cyrex", "Neo-Noir", "Dragon Lore",
        "Safari Mesh", "Boreal Forest", "Blue Laminate", "Night Riot", "Wasteland Rebel", "Frontside Misty",
        "Elite Build", "Ice Coaled", "Nightwish", "Head Shot", "Inheritance", "Emerald Pinstripe", "Uncharted",
    ];

    public static readonly string[] Cs2Exteriors = ["Factory New", "Minimal Wear", "Field-Tested", "Well-Worn", "Battle-Scarred"];

    public static readonly string[] DotaHeroes =
    [
        "Pudge", "Juggernaut", "Phantom Assassin", "Invoker", "Anti-Mage", "Shadow Fiend", "Crystal Maiden",
        "Axe", "Lina", "Sniper", "Drow Ranger", "Windranger", "Faceless Void", "Legion Commander", "Mirana",
    ];

    public static readonly string[] DotaQualities = ["", "Inscribed ", "Genuine ", "Corrupted ", "Exalted ", "Autographed "];

    public static readonly string[] DotaPieces =
    [
        "Dragonclaw Hook", "Bladeform Legacy", "Manifold Paradox", "Arcana Flair", "Frost Avalanche", "Golden Gravelmaw",
        "Fractal Horns of Inner Abysm", "Demon Eater", "Feast of Abscession", "Fiery Soul of the Slayer", "Baby Roshan",
        "Mace of Aeons", "Hat of the Eternal Hunter", "Genuine Weather", "Wraith-Lord's Crown",
    ];

    public static readonly string[] Tf2Qualities = ["", "Strange ", "Vintage ", "Genuine ", "Unusual ", "Collector's "];

    public static readonly string[] Tf2Items =
    [
        "Rocket Launcher", "Scattergun", "Minigun", "Flame Thrower", "Sniper Rifle", "Knife", "Wrench", "Medi Gun",
        "Team Captain", "Bill's Hat", "Killer Exclusive", "Mann Co. Supply Crate Key", "Australium Rocket Launcher",
        "Professional Killstreak Kit", "Earbuds", "Max's Severed Head", "Conga Taunt", "Pyrovision Goggles",
    ];

    public static readonly string[] RustItems =
    [
        "Tempered AK47", "Alien Red", "Big Grin", "No Mercy", "Glory AK47", "Punishment Mask", "Whiteout Facemask",
        "Blackout Hoodie", "Doodle Hoodie", "Neon Rider Garage Door", "Playroom Pickaxe", "Rainbow Pony Bolt Rifle",
        "Azul Tempered MP5", "Tactical Boots", "Cloth Armor", "Digital Camo MP5", "Retro Tool Cupboard", "Jungle Jacket",
        "Forest Raiders Hoodie", "Cyberpunk Metal Facemask", "Hazmat Youtooz", "Bloodline Door", "Ghost Halloween Bag",
    ];

    public static readonly string[] RustVariants = ["", " (Worn)", " (Battle-Worn)", " Edition II", " Gold", " Neon", " Desert"];

    public static string CategoryPath(string gameId) => gameId switch
    {
        DMarketGames.CounterStrike2 => "Weapon",
        DMarketGames.Dota2 => "Wearable",
        DMarketGames.TeamFortress2 => "Cosmetic",
        _ => "Skin",
    };
}
