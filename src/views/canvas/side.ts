import { createContext } from 'react';

/** A comparison's canvas of the before version (Before mode, the Before side): its cards show its own notes. */
export const BeforeSide = createContext(false);
