import type { User } from '@vault-secrets/shared';
import { useState } from 'react';
import { Link, NavLink, useMatch } from 'react-router';

const NAV_ITEMS = [
  { to: '/controllers', label: 'Controllers' },
  { to: '/settings/vault', label: 'Vault settings' },
];

function NavItem(props: { to: string; label: string; onNavigate: () => void }) {
  const active = useMatch({ path: props.to, end: false }) !== null;
  return (
    <li className={`p-navigation__item${active ? ' is-selected' : ''}`}>
      <NavLink className="p-navigation__link" to={props.to} onClick={props.onNavigate}>
        {props.label}
      </NavLink>
    </li>
  );
}

/** A key in the navigation's logo tag, as MAAS puts its mark there. */
function KeyIcon() {
  return (
    <svg
      className="p-navigation__logo-icon"
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      <circle cx="5" cy="8" r="3.25" fill="none" stroke="#fff" strokeWidth="1.5" />
      <path d="M8 8h7M12.5 8v3M14.5 8v2" fill="none" stroke="#fff" strokeWidth="1.5" />
    </svg>
  );
}

interface AppHeaderProps {
  user: User;
  onLogout: () => void;
  loggingOut: boolean;
}

/** Product name, navigation, who is signed in, and the way out. */
export function AppHeader({ user, onLogout, loggingOut }: AppHeaderProps) {
  const [menuOpen, setMenuOpen] = useState(false);

  return (
    <header className={`p-navigation is-dark${menuOpen ? ' has-menu-open' : ''}`}>
      <div className="p-navigation__row--full-width">
        <div className="p-navigation__banner">
          <div className="p-navigation__tagged-logo">
            <Link className="p-navigation__link" to="/controllers">
              <div className="p-navigation__logo-tag">
                <KeyIcon />
              </div>
              <span className="p-navigation__logo-title">Vault secrets</span>
            </Link>
          </div>
          <ul className="p-navigation__items">
            <li className="p-navigation__item">
              <button
                type="button"
                className="p-navigation__link--menu-toggle app-menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="app-navigation"
                onClick={() => setMenuOpen((open) => !open)}
              >
                Menu
              </button>
            </li>
          </ul>
        </div>
        <nav className="p-navigation__nav" aria-label="Main" id="app-navigation">
          <ul className="p-navigation__items">
            {NAV_ITEMS.map((item) => (
              <NavItem key={item.to} {...item} onNavigate={() => setMenuOpen(false)} />
            ))}
          </ul>
          <ul className="p-navigation__items">
            <li className="p-navigation__item">
              <span className="p-navigation__link signed-in-user">
                Signed in as <strong>{user.username}</strong>
                {user.role === 'admin' && ' (administrator)'}
              </span>
            </li>
            <li className="p-navigation__item app-session-item">
              <button
                type="button"
                className="p-button is-dark u-no-margin--bottom logout-button"
                onClick={onLogout}
                disabled={loggingOut}
              >
                Log out
              </button>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
